package app.kinora.account;

import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;

/**
 * The signed-in user of a request, whether signed in with a password (web) or an API key
 * ({@code /v1}): who it is, and the name to greet them with. Controllers that need only the first
 * take {@code @AuthenticationPrincipal UserPrincipal user}, so that they do not depend on this
 * module.
 */
public interface CurrentUser extends UserPrincipal {

  @Override
  UserId userId();

  /** The name to greet the user with. */
  String displayName();
}
