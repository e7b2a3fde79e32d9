/** The SPI through which modules make their personal data exportable and erasable. */
@org.springframework.modulith.NamedInterface("spi")
package app.kinora.privacy.spi;
