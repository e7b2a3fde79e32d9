/**
 * The local renderer: Kinora's offline, procedural video engine behind the provider SPI (model
 * {@code kinora-local}). It draws a scene derived from the prompt and the seed with Java2D and
 * encodes it with FFmpeg (H.264 + AAC in fast-start MP4) inside the JVM; it never reads
 * untrusted media.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "provider::spi", "media"})
package app.kinora.render;
