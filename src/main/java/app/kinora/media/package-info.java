/**
 * Media: every stored file and its delivery. Bytes live in a {@link app.kinora.media.BlobStore}
 * under keys media makes itself — a finished video with its pictures ({@link
 * app.kinora.media.VideoOutputs}), uploads ({@link app.kinora.media.MediaUploads}) — and the
 * storage sweep removes what no module's rows refer to ({@link
 * app.kinora.media.StoredFileReferences}). Files reach users through one {@link
 * app.kinora.media.Delivery} (signed links, ranges, validators, sendfile, presigned redirects).
 * Media files are inspected in a child process ({@link app.kinora.media.MediaProbe}), so that no
 * untrusted media is ever parsed by native code inside the server's JVM.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "privacy::spi"})
package app.kinora.media;
