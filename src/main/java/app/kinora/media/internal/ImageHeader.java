package app.kinora.media.internal;

import app.kinora.media.MediaRejected;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Reads an image's size and sample layout from its header with the JDK's pure-Java readers,
 * without decoding a single pixel, so that a decompression bomb is refused before anything decodes
 * it — by its pixels, and by the memory they take once decoded (a 309 KB PNG of 6300×6300 pixels
 * with four 16-bit channels inflates to 318 MB).
 *
 * @param width in pixels
 * @param height in pixels
 * @param channels samples per pixel (3 for RGB, 4 with alpha, 1 for grey or a palette)
 * @param bitsPerChannel bits per sample (8 or 16 mostly; 1 to 4 for small palettes)
 */
record ImageHeader(int width, int height, int channels, int bitsPerChannel) {

  /** When a reader does not say: four 8-bit channels, as most decoders hand pictures over. */
  private static final int DEFAULT_CHANNELS = 4;

  private static final int DEFAULT_BITS = 8;

  /** Pixels times the bytes of one decoded pixel (whole bytes per channel, as decoders store them). */
  long decodedBytes() {
    return (long) width * height * channels * Math.max(1, (bitsPerChannel + 7) / 8);
  }

  /**
   * The header, or empty when no JDK reader knows the format (FFmpeg's probe then decides). A file
   * whose format a reader recognises but whose header it cannot read is cut short or damaged.
   */
  static Optional<ImageHeader> read(Path file) {
    try (var input = ImageIO.createImageInputStream(file.toFile())) {
      var readers = input == null ? null : ImageIO.getImageReaders(input);
      if (readers == null || !readers.hasNext()) {
        return Optional.empty();
      }
      var reader = readers.next();
      try {
        reader.setInput(input, true, true);
        int width;
        int height;
        try {
          width = reader.getWidth(0);
          height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
          throw new MediaRejected(
              "The image is cut short or damaged: its header could not be read.");
        }
        return Optional.of(withLayout(reader, width, height));
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The sample layout, as far as the reader tells it from the header (else the usual four 8-bit channels). */
  private static ImageHeader withLayout(javax.imageio.ImageReader reader, int width, int height) {
    try {
      var layout = reader.getRawImageType(0);
      if (layout != null) {
        return new ImageHeader(width, height, layout.getNumBands(), layout.getBitsPerBand(0));
      }
    } catch (IOException | RuntimeException e) {
      // a header without what follows it (a palette, say): its size alone is known
    }
    return new ImageHeader(width, height, DEFAULT_CHANNELS, DEFAULT_BITS);
  }
}
