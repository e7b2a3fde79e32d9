package app.kinora.provenance.internal;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * Moves the absolute file offsets in a movie box ({@code moov}) when boxes before the media data
 * change size: the chunk offsets of every track ({@code stco}, {@code co64}).
 */
final class ChunkOffsets {

  private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl");

  private ChunkOffsets() {}

  /**
   * Rewrites the offsets inside {@code moov} (the whole box, header included) in place.
   *
   * @param moved the new offset of a byte at an old offset
   */
  static void shift(byte[] moov, LongUnaryOperator moved) {
    walk(ByteBuffer.wrap(moov), 0, moov.length, moved, 0);
  }

  private static void walk(
      ByteBuffer buffer, int start, int end, LongUnaryOperator moved, int depth) {
    int position = start;
    while (position + 8 <= end) {
      long size = Integer.toUnsignedLong(buffer.getInt(position));
      var type = new String(
          new byte[] {
            buffer.get(position + 4),
            buffer.get(position + 5),
            buffer.get(position + 6),
            buffer.get(position + 7)
          },
          java.nio.charset.StandardCharsets.ISO_8859_1);
      int header = 8;
      if (size == 1) {
        size = buffer.getLong(position + 8);
        header = 16;
      } else if (size == 0) {
        size = end - position;
      }
      if (size < header || position + size > end) {
        throw new MalformedManifest("the movie box is damaged");
      }
      int payload = position + header;
      int boxEnd = (int) (position + size);
      if (CONTAINERS.contains(type) && depth < 8) {
        walk(buffer, payload, boxEnd, moved, depth + 1);
      } else if (type.equals("stco")) {
        shiftTable(buffer, payload, boxEnd, 4, moved);
      } else if (type.equals("co64")) {
        shiftTable(buffer, payload, boxEnd, 8, moved);
      }
      position = boxEnd;
    }
  }

  private static void shiftTable(
      ByteBuffer buffer, int payload, int end, int width, LongUnaryOperator moved) {
    long count = Integer.toUnsignedLong(buffer.getInt(payload + 4));
    int entries = payload + 8;
    if (entries + count * width > end) {
      throw new MalformedManifest("a chunk offset table is damaged");
    }
    for (int i = 0; i < count; i++) {
      int at = entries + i * width;
      if (width == 4) {
        long offset = moved.applyAsLong(Integer.toUnsignedLong(buffer.getInt(at)));
        if (offset > 0xffff_ffffL) {
          throw new MalformedManifest("a chunk moves beyond what a 32-bit offset can say");
        }
        buffer.putInt(at, (int) offset);
      } else {
        buffer.putLong(at, moved.applyAsLong(buffer.getLong(at)));
      }
    }
  }
}
