package app.kinora.provenance.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The top-level boxes of an ISO BMFF file (MP4), read from their headers alone, and the C2PA
 * {@code uuid} box among them.
 */
final class Bmff {

  /** The user type of the box that holds a C2PA manifest store. */
  static final byte[] C2PA_USER_TYPE = {
    (byte) 0xd8,
    (byte) 0xfe,
    (byte) 0xc3,
    (byte) 0xd6,
    0x1b,
    0x0e,
    0x48,
    0x3c,
    (byte) 0x92,
    (byte) 0x97,
    0x58,
    0x28,
    (byte) 0x87,
    0x7e,
    (byte) 0xc4,
    (byte) 0x81
  };

  private static final int MAX_BOXES = 100_000;
  private static final long MAX_MANIFEST_STORE = 64L << 20;

  private Bmff() {}

  /**
   * One top-level box.
   *
   * @param userType the 16 bytes after a {@code uuid} box's header, else null
   */
  record Box(String type, long offset, long size, int headerSize, byte[] userType) {

    long end() {
      return offset + size;
    }

    boolean isC2pa() {
      return userType != null && Arrays.equals(userType, C2PA_USER_TYPE);
    }
  }

  /**
   * Lists the top-level boxes.
   *
   * @throws NotBmff when the file is not a box structure that starts with {@code ftyp}
   */
  static List<Box> topLevel(FileChannel file) throws IOException {
    var boxes = new ArrayList<Box>();
    long position = 0;
    long length = file.size();
    while (position < length) {
      if (length - position < 8 || boxes.size() >= MAX_BOXES) {
        throw new NotBmff("it ends inside a box header");
      }
      var header = read(file, position, (int) Math.min(32, length - position));
      long size = Integer.toUnsignedLong(header.getInt());
      var type = Jumbf.fourCc(header);
      int headerSize = 8;
      if (size == 1) {
        if (header.remaining() < 8) {
          throw new NotBmff("it ends inside a box header");
        }
        size = header.getLong();
        headerSize = 16;
      } else if (size == 0) {
        size = length - position;
      }
      if (size < headerSize || size > length - position) {
        throw new NotBmff("a box's size goes past the end of the file");
      }
      byte[] userType = null;
      if (type.equals("uuid")) {
        if (header.remaining() < 16 || size < headerSize + 16) {
          throw new NotBmff("a uuid box is too short");
        }
        userType = new byte[16];
        header.get(userType);
      }
      if (boxes.isEmpty() && !type.equals("ftyp")) {
        throw new NotBmff("it does not start with a file type box");
      }
      boxes.add(new Box(type, position, size, headerSize, userType));
      position += size;
    }
    if (boxes.isEmpty()) {
      throw new NotBmff("it is empty");
    }
    return List.copyOf(boxes);
  }

  /** The C2PA boxes whose purpose is a manifest store (a valid file has at most one). */
  static List<Box> manifestBoxes(FileChannel file, List<Box> boxes) throws IOException {
    var found = new ArrayList<Box>();
    for (var box : boxes) {
      if (box.isC2pa() && purpose(file, box).equals("manifest")) {
        found.add(box);
      }
    }
    return found;
  }

  /** The manifest store's JUMBF bytes in a C2PA box. */
  static byte[] manifestStore(FileChannel file, Box box) throws IOException {
    long start = payloadStart(box) + "manifest".length() + 1 + 8;
    long length = box.end() - start;
    if (length <= 0 || length > MAX_MANIFEST_STORE) {
      throw new MalformedManifest("the Content Credentials box has an impossible size");
    }
    return read(file, start, (int) length).array();
  }

  private static String purpose(FileChannel file, Box box) throws IOException {
    long start = payloadStart(box);
    int length = (int) Math.min(32, box.end() - start);
    var bytes = read(file, start, length).array();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return new String(bytes, 0, i, java.nio.charset.StandardCharsets.US_ASCII);
      }
    }
    return "";
  }

  /** Where a C2PA box's purpose starts: after header, user type, version and flags. */
  private static long payloadStart(Box box) {
    return box.offset() + box.headerSize() + 16 + 4;
  }

  /**
   * The manifest store in a C2PA box right after the file type box (where Kinora puts it), read
   * from a stream no further than that box.
   */
  static Optional<byte[]> manifestStoreAtHead(InputStream in, long maxBox) throws IOException {
    var data = new DataInputStream(in);
    long ftyp = Integer.toUnsignedLong(data.readInt());
    if (ftyp < 8 || !new String(data.readNBytes(4), StandardCharsets.ISO_8859_1).equals("ftyp")) {
      return Optional.empty();
    }
    data.skipNBytes(ftyp - 8);
    long size = Integer.toUnsignedLong(data.readInt());
    var type = new String(data.readNBytes(4), StandardCharsets.ISO_8859_1);
    if (!type.equals("uuid") || size <= manifestBoxHeader() || size > maxBox) {
      return Optional.empty();
    }
    if (!Arrays.equals(data.readNBytes(16), C2PA_USER_TYPE)) {
      return Optional.empty();
    }
    var payload = data.readNBytes((int) size - 8 - 16);
    int purposeEnd = 4;
    while (purposeEnd < payload.length && payload[purposeEnd] != 0) {
      purposeEnd++;
    }
    var purpose = new String(payload, 4, purposeEnd - 4, StandardCharsets.US_ASCII);
    int start = purposeEnd + 1 + 8;
    if (!purpose.equals("manifest") || start >= payload.length) {
      return Optional.empty();
    }
    return Optional.of(Arrays.copyOfRange(payload, start, payload.length));
  }

  /** The C2PA box holding {@code jumbf}: FullBox version 0, purpose "manifest", no Merkle data. */
  static byte[] manifestBox(byte[] jumbf) {
    int size = 8 + 16 + 4 + "manifest".length() + 1 + 8 + jumbf.length;
    var buffer = ByteBuffer.allocate(size);
    buffer.putInt(size);
    buffer.put(new byte[] {'u', 'u', 'i', 'd'});
    buffer.put(C2PA_USER_TYPE);
    buffer.putInt(0);
    buffer.put("manifest".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    buffer.put((byte) 0);
    buffer.putLong(0);
    buffer.put(jumbf);
    return buffer.array();
  }

  /** Where the JUMBF starts inside {@link #manifestBox}. */
  static int manifestBoxHeader() {
    return 8 + 16 + 4 + "manifest".length() + 1 + 8;
  }

  static Optional<Box> first(List<Box> boxes, String type) {
    return boxes.stream().filter(box -> box.type().equals(type)).findFirst();
  }

  static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
    var buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (file.read(buffer, position + buffer.position()) < 0) {
        throw new NotBmff("it ends early");
      }
    }
    return buffer.flip();
  }

  /** A file that is not ISO BMFF. */
  static final class NotBmff extends IOException {
    NotBmff(String reason) {
      super(reason);
    }
  }
}
