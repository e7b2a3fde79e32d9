package app.kinora.account;

import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;

/**
 * The signed-in user of a request, whether signed in with a password (web) or an API key
 * ({@code /v1}). Controllers take it with {@code @AuthenticationPrincipal CurrentUser user}.
 */
public interface CurrentUser extends UserPrincipal {

  @Override
  UserId userId();

  /** The name to greet the user with. */
  String displayName();
}
