/** The provider SPI: what an adapter for a video generation back end implements. */
@org.springframework.modulith.NamedInterface("spi")
package app.kinora.provider.spi;
