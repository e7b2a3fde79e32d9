/** What a screener implements to join the screening chain. */
@org.springframework.modulith.NamedInterface("spi")
package app.kinora.safety.spi;
