package app.kinora.media.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the top-level box sequence of an MP4 file without touching its media data. */
final class Mp4Layout {

  private Mp4Layout() {}

  /** True when the {@code moov} box comes before the first {@code mdat} box. */
  static boolean isFastStart(Path file) throws IOException {
    try (var in = new DataInputStream(Files.newInputStream(file))) {
      while (true) {
        long size = Integer.toUnsignedLong(in.readInt());
        var type = new String(in.readNBytes(4), java.nio.charset.StandardCharsets.US_ASCII);
        long header = 8;
        if (size == 1) {
          size = in.readLong();
          header = 16;
        }
        if (type.equals("moov")) {
          return true;
        }
        if (type.equals("mdat") || size == 0 || size < header) {
          return false;
        }
        skipFully(in, size - header);
      }
    } catch (java.io.EOFException e) {
      return false;
    }
  }

  private static void skipFully(InputStream in, long count) throws IOException {
    long remaining = count;
    while (remaining > 0) {
      long skipped = in.skip(remaining);
      if (skipped <= 0) {
        throw new java.io.EOFException();
      }
      remaining -= skipped;
    }
  }
}
