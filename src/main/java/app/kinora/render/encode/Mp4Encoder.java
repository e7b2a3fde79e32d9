package app.kinora.render.encode;

import app.kinora.shared.VideoSize;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Encodes frames and sound into an MP4 that browsers play at once: H.264 (libx264, yuv420p,
 * tagged BT.709) and AAC, with the index at the front ({@code +faststart}) and no timestamps or
 * encoder versions that would make two identical renders differ ({@code +bitexact}). Frames
 * arrive already in planar YUV, so FFmpeg does no conversion.
 */
public final class Mp4Encoder implements AutoCloseable {

  public static final int SAMPLE_RATE = 48_000;

  /**
   * BT.709 tags, and the lookahead on the encoding thread rather than a thread of its own: with
   * its own thread, x264's frame decisions depended on how threads were scheduled, so two renders
   * of the same frames on a busy machine now and then differed (about one in twenty).
   */
  public static final String X264_PARAMS =
      "colorprim=bt709:transfer=bt709:colormatrix=bt709:sync-lookahead=0";

  private final FFmpegFrameRecorder recorder;
  private final int width;
  private final int height;

  public Mp4Encoder(Path output, VideoSize size, int framesPerSecond, boolean withAudio)
      throws FrameRecorder.Exception {
    this.width = size.width();
    this.height = size.height();
    recorder = new FFmpegFrameRecorder(output.toFile(), width, height, withAudio ? 1 : 0);
    recorder.setFormat("mp4");
    recorder.setVideoCodecName("libx264");
    recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    recorder.setFrameRate(framesPerSecond);
    recorder.setGopSize(framesPerSecond * 2);
    recorder.setVideoOption("preset", "veryfast");
    recorder.setVideoOption("crf", "21");
    recorder.setVideoOption("x264-params", X264_PARAMS);
    recorder.setVideoOption("flags", "+bitexact");
    if (withAudio) {
      recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
      recorder.setSampleRate(SAMPLE_RATE);
      recorder.setAudioChannels(1);
      recorder.setAudioBitrate(96_000);
      recorder.setAudioOption("flags", "+bitexact");
      // The fast coder takes a third of the default's time for the same bit rate; the audio is
      // encoded on the thread that feeds the video encoder, so its time is the user's wait.
      recorder.setAudioOption("aac_coder", "fast");
    }
    recorder.setOption("movflags", "+faststart");
    recorder.setOption("fflags", "+bitexact");
    recorder.start();
  }

  /**
   * Loads the native libraries the encoder needs (FFmpeg's, libavdevice among them, which links
   * against system libraries such as PulseAudio's), as the first render would.
   *
   * @throws FrameRecorder.Exception naming the library that could not be loaded
   */
  public static void loadLibraries() throws FrameRecorder.Exception {
    FFmpegFrameRecorder.tryLoad();
  }

  /** A buffer the size of one frame in the encoder's format, to fill with {@link Yuv420}. */
  public ByteBuffer frameBuffer() {
    return ByteBuffer.allocateDirect(width * height * 3 / 2);
  }

  public void addFrame(ByteBuffer yuv) throws FrameRecorder.Exception {
    recorder.recordImage(
        width, height, Frame.DEPTH_UBYTE, 1, width, avutil.AV_PIX_FMT_YUV420P, yuv);
  }

  public void addAudio(short[] samples) throws FrameRecorder.Exception {
    recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(samples));
  }

  @Override
  public void close() throws FrameRecorder.Exception {
    recorder.close();
  }
}
