/** What an operator may plug into Content Credentials: an invisible watermark. */
@org.springframework.modulith.NamedInterface("spi")
package app.kinora.provenance.spi;
