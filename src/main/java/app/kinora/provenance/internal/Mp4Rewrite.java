package app.kinora.provenance.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies an MP4 once with a new C2PA box right after its file type box and without the C2PA box
 * it had: every other box keeps its bytes, only the movie box's chunk offsets move with the media
 * data. The bytes are copied by the kernel ({@code transferTo}); the movie box alone is rewritten.
 */
final class Mp4Rewrite {

  private static final long MAX_MOVIE_BOX = 64L << 20;

  private Mp4Rewrite() {}

  /**
   * Writes {@code target} and returns where the C2PA box starts in it.
   *
   * @param manifestBox the complete C2PA {@code uuid} box
   */
  static long write(FileChannel source, List<Bmff.Box> boxes, byte[] manifestBox, Path target)
      throws IOException {
    var kept = boxes.stream().filter(box -> !box.isC2pa()).toList();
    var ftyp = kept.getFirst();
    var newOffsets = new ArrayList<Long>();
    long position = ftyp.size() + manifestBox.length;
    newOffsets.add(0L);
    for (var box : kept.subList(1, kept.size())) {
      newOffsets.add(position);
      position += box.size();
    }
    try (var out =
        FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
      copy(source, ftyp.offset(), ftyp.size(), out);
      writeFully(out, ByteBuffer.wrap(manifestBox));
      for (var box : kept.subList(1, kept.size())) {
        if (box.type().equals("moov")) {
          if (box.size() > MAX_MOVIE_BOX) {
            throw new IOException("the movie box is too large to sign");
          }
          var moov = Bmff.read(source, box.offset(), (int) box.size()).array();
          ChunkOffsets.shift(moov, old -> moved(old, kept, newOffsets));
          writeFully(out, ByteBuffer.wrap(moov));
        } else {
          copy(source, box.offset(), box.size(), out);
        }
      }
      out.force(false);
    }
    return ftyp.size();
  }

  private static long moved(long oldOffset, List<Bmff.Box> kept, List<Long> newOffsets) {
    for (int i = 0; i < kept.size(); i++) {
      var box = kept.get(i);
      if (oldOffset >= box.offset() && oldOffset < box.end()) {
        return newOffsets.get(i) + (oldOffset - box.offset());
      }
    }
    throw new MalformedManifest("a chunk offset points outside every box");
  }

  private static void copy(FileChannel source, long offset, long length, FileChannel out)
      throws IOException {
    long done = 0;
    while (done < length) {
      long sent = source.transferTo(offset + done, length - done, out);
      if (sent <= 0) {
        throw new IOException("the video ended while it was copied");
      }
      done += sent;
    }
  }

  static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }

  static void writeAt(FileChannel out, long position, byte[] bytes) throws IOException {
    var buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      out.write(buffer, position + buffer.position());
    }
  }
}
