/**
 * Model providers: the SPI every generation back end implements ({@code spi}), and the catalog
 * that routes a model id to the provider serving it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "media"})
package app.kinora.provider;
