/**
 * Media: storage of video and image bytes ({@link app.kinora.media.BlobStore}) under keys media
 * makes itself — a finished video with its pictures ({@link app.kinora.media.VideoOutputs}), uploads
 * ({@link app.kinora.media.MediaUploads}) — and inspection of media files in a child process
 * ({@link app.kinora.media.MediaProbe}), so that no untrusted media is ever parsed by native code
 * inside the server's JVM.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "privacy::spi"})
package app.kinora.media;
