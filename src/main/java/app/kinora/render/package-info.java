/**
 * The local renderer: Kinora's offline, procedural video engine behind the provider SPI (model
 * {@code kinora-local}). It reads the prompt into a scene description, draws the scene's layers
 * frame by frame into a pixel array (Java2D only lays out captions and small sprites) and
 * encodes the frames with FFmpeg (H.264 + AAC in fast-start MP4) inside the JVM. Reference media
 * reaches it only as copies the media module has sanitised (PNG, WAV); reference clips are
 * decoded by FFmpeg in a child process. See {@code docs/renderer.md}.
 *
 * <p>{@link app.kinora.render.LocalRenderer}, the bean, ties the parts together, each a
 * sub-package internal to the module: {@code prompt} reads the words, {@code scene} composes
 * {@code layers} that draw on a {@code canvas}, {@code reference} builds frames on uploaded
 * media, {@code sound} makes the soundtrack and {@code encode} turns it all into the MP4.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "provider::spi", "media"})
package app.kinora.render;
