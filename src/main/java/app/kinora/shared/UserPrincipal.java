package app.kinora.shared;

/**
 * Whoever is signed in, as far as modules other than {@code account} need to know: who it is.
 * Lets them find the user of a request without depending on the account module: controllers take
 * it with {@code @AuthenticationPrincipal UserPrincipal user} (null when nobody is signed in).
 */
public interface UserPrincipal {

  UserId userId();
}
