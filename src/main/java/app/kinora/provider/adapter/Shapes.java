package app.kinora.provider.adapter;

import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.shared.VideoSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/** Kinora's sizes in the words platforms use: aspect ratios and resolutions. */
final class Shapes {

  static final List<VideoSize> WIDE_AND_TALL_720 =
      List.of(new VideoSize(1280, 720), new VideoSize(720, 1280));
  static final List<VideoSize> WIDE_AND_TALL_720_1080 = List.of(
      new VideoSize(1280, 720),
      new VideoSize(720, 1280),
      new VideoSize(1920, 1080),
      new VideoSize(1080, 1920));

  private Shapes() {}

  /** {@code 16:9}, {@code 9:16}, {@code 1:1}, {@code 4:3} or {@code 3:4}. */
  static String aspectRatio(VideoSize size) {
    int w = size.width();
    int h = size.height();
    if (w == h) {
      return "1:1";
    }
    double ratio = (double) Math.max(w, h) / Math.min(w, h);
    String shape = Math.abs(ratio - 16.0 / 9) < 0.05
        ? "16:9"
        : Math.abs(ratio - 4.0 / 3) < 0.05 ? "4:3" : null;
    if (shape == null) {
      return w + ":" + h;
    }
    return w > h
        ? shape
        : shape.substring(shape.indexOf(':') + 1) + ":" + shape.substring(0, shape.indexOf(':'));
  }

  /** {@code 480p}, {@code 720p}, {@code 1080p}: the shorter side. */
  static String resolution(VideoSize size) {
    return Math.min(size.width(), size.height()) + "p";
  }

  /** A sanitised PNG reference as a {@code data:} URI, the way platforms take inline images. */
  static String dataUri(Path png) {
    return "data:image/png;base64," + base64(png);
  }

  static String base64(Path file) {
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    } catch (IOException e) {
      throw ProviderFailure.of(
          FailureCode.INVALID_INPUT, "reference unreadable: " + e.getMessage());
    }
  }

  /** The size with this aspect ratio and resolution, e.g. 16:9 and 720p → 1280x720. */
  static VideoSize size(String aspectRatio, String resolution) {
    int shorter = Integer.parseInt(resolution.replace("p", "").strip());
    var parts = aspectRatio.split(":");
    int w = Integer.parseInt(parts[0].strip());
    int h = Integer.parseInt(parts[1].strip());
    int longer = (int) Math.round((double) shorter * Math.max(w, h) / Math.min(w, h) / 2) * 2;
    return w >= h ? new VideoSize(longer, shorter) : new VideoSize(shorter, longer);
  }
}
