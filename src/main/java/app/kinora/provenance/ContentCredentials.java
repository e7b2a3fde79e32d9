package app.kinora.provenance;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Signs MP4 files with Content Credentials (C2PA 2.x) and reads them back. One parser serves the
 * signer, the {@code /verify} page and the API.
 */
public interface ContentCredentials {

  /**
   * Signs the MP4 in place: a manifest store goes into a {@code uuid} box after the file type box
   * (the media data is moved, never re-encoded). Credentials the file already had stay in the store,
   * their active manifest becoming the new manifest's parent ingredient.
   *
   * @throws IOException when the file cannot be read or written, or is not an MP4
   */
  default void sign(Path mp4, ManifestDraft draft) throws IOException {
    sign(mp4, draft, mp4);
  }

  /**
   * Signs {@code mp4}, a video Kinora made from {@code original} (e.g. with a label drawn on it):
   * the credentials {@code original} carries become the parent ingredient, and the draft's edit
   * says what changed.
   */
  void sign(Path mp4, ManifestDraft draft, Path original) throws IOException;

  /**
   * Reads and checks the credentials of a file: the signature, the hashes of the assertions and
   * the hash over the file itself. A file that is not ISO BMFF has no credentials Kinora can see.
   */
  Credentials read(Path file) throws IOException;

  /**
   * Reads the credentials at the head of a stored MP4 and checks their signature, without hashing
   * the file (the state is {@link Credentials.State#SIGNED} at best): cheap enough for an API
   * answer. The stream is read no further than the manifest store.
   */
  Credentials readHead(java.io.InputStream mp4) throws IOException;

  /** Who signs Kinora's manifests. */
  SigningIdentity identity();

  /**
   * The signing certificate.
   *
   * @param subject the certificate's common name
   * @param selfSigned whether Kinora made it itself (verifiers show such credentials as untrusted)
   */
  record SigningIdentity(String subject, boolean selfSigned) {}
}
