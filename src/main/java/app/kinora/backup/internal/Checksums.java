package app.kinora.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files and streams, in lowercase hex as {@code sha256sum} prints it. */
final class Checksums {

  private Checksums() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String of(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return copy(in, OutputStream.nullOutputStream());
    }
  }

  /** Copies the stream and returns the SHA-256 of what passed. */
  static String copy(InputStream in, OutputStream out) throws IOException {
    var digest = sha256();
    try (var digesting = new DigestOutputStream(out, digest)) {
      in.transferTo(digesting);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
