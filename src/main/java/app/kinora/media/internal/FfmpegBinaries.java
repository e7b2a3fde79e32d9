package app.kinora.media.internal;

import java.nio.file.Path;
import org.bytedeco.javacpp.Loader;

/** FFmpeg's own executables, as shipped in the {@code org.bytedeco:ffmpeg} jar for this platform. */
final class FfmpegBinaries {

  private FfmpegBinaries() {}

  static String ffprobe() {
    return Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
  }

  static String ffmpeg() {
    return Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
  }

  /** The directory of FFmpeg's shared libraries, which the executables need on their path. */
  static String libraryPath() {
    return Path.of(ffprobe()).getParent().toString();
  }
}
