/**
 * Accounts: users and their credentials, sign-up and sign-in, API keys for {@code /v1} (and
 * {@link app.kinora.account.ApiKeyAuthentication}, with which the API module secures it), and the
 * web app's filter chain, open where the modules declare {@link app.kinora.shared.WebPaths}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "privacy", "privacy::spi", "notification", "audit", "safety"})
package app.kinora.account;
