/**
 * Model providers: the SPI every generation back end implements ({@code spi}), the adapters for
 * third-party platforms, the catalog of models and their routes, routing with fallback and
 * resilience, platforms' webhooks, and the transfer log of what was sent where.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "media", "privacy::spi", "billing"})
package app.kinora.provider;
