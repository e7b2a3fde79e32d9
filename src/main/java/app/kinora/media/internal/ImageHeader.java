package app.kinora.media.internal;

import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Reads an image's width and height from its header with the JDK's pure-Java readers, without
 * decoding a single pixel, so that a decompression bomb is refused before anything decodes it.
 */
final class ImageHeader {

  private ImageHeader() {}

  /** The dimensions, or empty when no JDK reader knows the format (FFmpeg's probe then decides). */
  static Optional<Dimension> dimensions(Path file) {
    try (var input = ImageIO.createImageInputStream(file.toFile())) {
      var readers = ImageIO.getImageReaders(input);
      if (input == null || !readers.hasNext()) {
        return Optional.empty();
      }
      var reader = readers.next();
      try {
        reader.setInput(input, true, true);
        return Optional.of(new Dimension(reader.getWidth(0), reader.getHeight(0)));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
