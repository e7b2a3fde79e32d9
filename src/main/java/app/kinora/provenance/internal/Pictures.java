package app.kinora.provenance.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where C2PA keeps a manifest store in a picture: JPEG APP11 segments (JUMBF split over segments
 * that share an instance number and count up from 1) and the PNG {@code caBX} chunk.
 */
final class Pictures {

  private static final int APP11 = 0xeb;
  private static final int START_OF_SCAN = 0xda;
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private Pictures() {}

  static boolean isJpeg(byte[] file) {
    return file.length >= 2 && (file[0] & 0xff) == 0xff && (file[1] & 0xff) == 0xd8;
  }

  static boolean isPng(byte[] file) {
    return file.length >= 8 && java.util.Arrays.equals(file, 0, 8, PNG_SIGNATURE, 0, 8);
  }

  /** The JUMBF manifest store assembled from a JPEG's APP11 segments, if it has one. */
  static Optional<byte[]> jpegStore(byte[] file) {
    var buffer = ByteBuffer.wrap(file);
    var store = new ByteArrayOutputStream();
    int instance = -1;
    long sequence = 0;
    int position = 2;
    while (position + 4 <= file.length) {
      if ((file[position] & 0xff) != 0xff) {
        throw new MalformedManifest("the picture's segments are damaged");
      }
      int type = file[position + 1] & 0xff;
      if (type == START_OF_SCAN) {
        break;
      }
      int length = Short.toUnsignedInt(buffer.getShort(position + 2));
      int payload = position + 4;
      int end = position + 2 + length;
      if (length < 2 || end > file.length) {
        throw new MalformedManifest("a segment of the picture goes past its end");
      }
      if (type == APP11
          && end - payload >= 16
          && file[payload] == 'J'
          && file[payload + 1] == 'P'
          && "jumb".equals(new String(file, payload + 12, 4, StandardCharsets.ISO_8859_1))) {
        int boxInstance = Short.toUnsignedInt(buffer.getShort(payload + 2));
        long boxSequence = Integer.toUnsignedLong(buffer.getInt(payload + 4));
        if (instance < 0 && boxSequence == 1) {
          instance = boxInstance;
          sequence = 1;
          store.write(file, payload + 8, end - payload - 8);
        } else if (boxInstance == instance && boxSequence == sequence + 1) {
          sequence = boxSequence;
          store.write(file, payload + 16, end - payload - 16); // each repeats the box header
        }
      }
      position = end;
    }
    return instance < 0 ? Optional.empty() : Optional.of(store.toByteArray());
  }

  /** The JUMBF manifest store in a PNG's {@code caBX} chunk, if it has one. */
  static Optional<byte[]> pngStore(byte[] file) {
    var buffer = ByteBuffer.wrap(file);
    int position = 8;
    while (position + 12 <= file.length) {
      long length = Integer.toUnsignedLong(buffer.getInt(position));
      var type = new String(file, position + 4, 4, StandardCharsets.ISO_8859_1);
      if (length > file.length - position - 12L) {
        throw new MalformedManifest("a chunk of the picture goes past its end");
      }
      if (type.equals("caBX")) {
        return Optional.of(
            java.util.Arrays.copyOfRange(file, position + 8, position + 8 + (int) length));
      }
      if (type.equals("IEND")) {
        break;
      }
      position += 12 + (int) length;
    }
    return Optional.empty();
  }
}
