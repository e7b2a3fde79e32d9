package app.kinora.shared;

/**
 * Whoever is signed in, as far as modules other than {@code account} need to know: who it is.
 * Lets them find the user of a request without depending on the account module.
 */
public interface UserPrincipal {

  UserId userId();
}
