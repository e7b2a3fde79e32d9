package app.kinora.provenance.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * JUMBF (ISO/IEC 19566-5) as C2PA uses it: superboxes ({@code jumb}) made of a description box
 * ({@code jumd}: a type UUID, a label) and content boxes ({@code cbor}, or nested superboxes).
 * Parsed boxes keep their exact bytes, since C2PA hashes them as they are stored.
 */
final class Jumbf {

  static final UUID MANIFEST_STORE = c2pa("63327061");
  static final UUID MANIFEST = c2pa("63326D61");
  static final UUID UPDATE_MANIFEST = c2pa("6332756D");
  static final UUID ASSERTION_STORE = c2pa("63326173");
  static final UUID CLAIM = c2pa("6332636C");
  static final UUID SIGNATURE = c2pa("63326373");
  static final UUID CBOR_ASSERTION = c2pa("63626F72");

  private static final int REQUESTABLE_WITH_LABEL = 0b11;
  private static final int MAX_DEPTH = 16;

  private Jumbf() {}

  private static UUID c2pa(String prefix) {
    return UUID.fromString(prefix + "-0011-0010-8000-00AA00389B71");
  }

  /** A box inside a superbox. */
  sealed interface Node permits SuperBox, ContentBox {}

  /**
   * A superbox; {@code payload} is its description and content boxes as stored, the bytes a
   * hashed reference to it covers (the superbox's own 8-byte header excluded).
   */
  record SuperBox(UUID type, String label, List<Node> children, byte[] payload) implements Node {

    SuperBox(UUID type, String label, List<Node> children) {
      this(type, label, List.copyOf(children), serializePayload(type, label, children));
    }

    Optional<SuperBox> child(String label) {
      return superBoxes().stream().filter(box -> label.equals(box.label())).findFirst();
    }

    List<SuperBox> children(UUID type) {
      return superBoxes().stream().filter(box -> type.equals(box.type())).toList();
    }

    List<SuperBox> superBoxes() {
      return children.stream()
          .filter(SuperBox.class::isInstance)
          .map(SuperBox.class::cast)
          .toList();
    }

    /** The first content box's bytes, e.g. an assertion's CBOR. */
    Optional<byte[]> content(String boxType) {
      return children.stream()
          .filter(ContentBox.class::isInstance)
          .map(ContentBox.class::cast)
          .filter(box -> box.type().equals(boxType))
          .map(ContentBox::data)
          .findFirst();
    }

    byte[] bytes() {
      return box("jumb", payload);
    }
  }

  /** A content box such as {@code cbor}: four letters of type and its data. */
  record ContentBox(String type, byte[] data) implements Node {}

  static SuperBox cbor(UUID type, String label, byte[] cbor) {
    return new SuperBox(type, label, List.of(new ContentBox("cbor", cbor)));
  }

  private static byte[] serializePayload(UUID type, String label, List<Node> children) {
    var out = new ByteArrayOutputStream();
    var description = new ByteArrayOutputStream();
    description.writeBytes(uuidBytes(type));
    description.write(REQUESTABLE_WITH_LABEL);
    description.writeBytes(label.getBytes(StandardCharsets.UTF_8));
    description.write(0);
    out.writeBytes(box("jumd", description.toByteArray()));
    for (var child : children) {
      out.writeBytes(
          switch (child) {
            case SuperBox superBox -> superBox.bytes();
            case ContentBox content -> box(content.type(), content.data());
          });
    }
    return out.toByteArray();
  }

  static byte[] box(String type, byte[] payload) {
    var buffer = ByteBuffer.allocate(8 + payload.length);
    buffer.putInt(8 + payload.length);
    buffer.put(type.getBytes(StandardCharsets.US_ASCII));
    buffer.put(payload);
    return buffer.array();
  }

  static byte[] uuidBytes(UUID uuid) {
    return ByteBuffer.allocate(16)
        .putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits())
        .array();
  }

  /**
   * Reads one superbox that fills {@code bytes}.
   *
   * @throws MalformedManifest when the bytes are not JUMBF
   */
  static SuperBox parse(byte[] bytes) {
    var buffer = ByteBuffer.wrap(bytes);
    var node = readBox(buffer, 0);
    if (!(node instanceof SuperBox superBox) || buffer.hasRemaining()) {
      throw new MalformedManifest("the manifest store is not one JUMBF superbox");
    }
    return superBox;
  }

  private static Node readBox(ByteBuffer buffer, int depth) {
    if (buffer.remaining() < 8) {
      throw new MalformedManifest("a JUMBF box is cut short");
    }
    long size = Integer.toUnsignedLong(buffer.getInt());
    var type = fourCc(buffer);
    int headerSize = 8;
    if (size == 1) {
      size = buffer.getLong();
      headerSize = 16;
    }
    if (size < headerSize || size - headerSize > buffer.remaining()) {
      throw new MalformedManifest("a JUMBF box has an impossible size");
    }
    var payload = new byte[(int) (size - headerSize)];
    buffer.get(payload);
    if (!type.equals("jumb")) {
      return new ContentBox(type, payload);
    }
    if (depth > MAX_DEPTH) {
      throw new MalformedManifest("JUMBF boxes are nested too deeply");
    }
    return readSuperBox(payload, depth);
  }

  private static SuperBox readSuperBox(byte[] payload, int depth) {
    var inner = ByteBuffer.wrap(payload);
    if (!(readBox(inner, depth + 1) instanceof ContentBox description)
        || !description.type().equals("jumd")
        || description.data().length < 17) {
      throw new MalformedManifest("a JUMBF superbox has no description");
    }
    var data = ByteBuffer.wrap(description.data());
    var type = new UUID(data.getLong(), data.getLong());
    int toggles = data.get() & 0xff;
    String label = null;
    if ((toggles & 0b10) != 0) {
      int start = data.position();
      while (data.hasRemaining() && data.get() != 0) {
        // the label ends at its NUL
      }
      label = new String(
          description.data(), start, data.position() - start - 1, StandardCharsets.UTF_8);
    }
    var children = new ArrayList<Node>();
    while (inner.hasRemaining()) {
      children.add(readBox(inner, depth + 1));
    }
    return new SuperBox(type, label, List.copyOf(children), payload);
  }

  static String fourCc(ByteBuffer buffer) {
    var type = new byte[4];
    buffer.get(type);
    return new String(type, StandardCharsets.ISO_8859_1);
  }
}
