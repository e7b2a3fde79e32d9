package app.kinora.render;

import app.kinora.shared.VideoSize;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Encodes frames and sound into an MP4 that browsers play at once: H.264 (libx264, yuv420p) and
 * AAC, with the index at the front ({@code +faststart}) and no timestamps or encoder versions
 * that would make two identical renders differ ({@code +bitexact}).
 */
final class Mp4Encoder implements AutoCloseable {

  static final int SAMPLE_RATE = 48_000;

  private final FFmpegFrameRecorder recorder;
  private final Java2DFrameConverter converter = new Java2DFrameConverter();

  Mp4Encoder(Path output, VideoSize size, int framesPerSecond, boolean withAudio) throws FrameRecorder.Exception {
    recorder = new FFmpegFrameRecorder(output.toFile(), size.width(), size.height(), withAudio ? 1 : 0);
    recorder.setFormat("mp4");
    recorder.setVideoCodecName("libx264");
    recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    recorder.setFrameRate(framesPerSecond);
    recorder.setGopSize(framesPerSecond * 2);
    recorder.setVideoOption("preset", "veryfast");
    recorder.setVideoOption("crf", "21");
    recorder.setVideoOption("flags", "+bitexact");
    if (withAudio) {
      recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
      recorder.setSampleRate(SAMPLE_RATE);
      recorder.setAudioChannels(1);
      recorder.setAudioBitrate(96_000);
      recorder.setAudioOption("flags", "+bitexact");
    }
    recorder.setOption("movflags", "+faststart");
    recorder.setOption("fflags", "+bitexact");
    recorder.start();
  }

  void addFrame(BufferedImage image) throws FrameRecorder.Exception {
    recorder.record(converter.convert(image), avutil.AV_PIX_FMT_BGR24);
  }

  void addAudio(short[] samples) throws FrameRecorder.Exception {
    recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(samples));
  }

  @Override
  public void close() throws FrameRecorder.Exception {
    try {
      recorder.close();
    } finally {
      converter.close();
    }
  }
}
