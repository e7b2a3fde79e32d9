/**
 * Accounts: users and their credentials, sign-up and sign-in, API keys for {@code /v1}, and the
 * security rules of the web and the API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "privacy", "privacy::spi", "notification", "audit"})
package app.kinora.account;
