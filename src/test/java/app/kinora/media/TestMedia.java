package app.kinora.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Media files made by the tests themselves, good and bad. */
public final class TestMedia {

  private TestMedia() {}

  /** A picture with a red left half and a blue right half. */
  public static BufferedImage picture(int width, int height) {
    return picture(width, height, false);
  }

  /** The same picture, or with its halves green and yellow when {@code other}. */
  public static BufferedImage picture(int width, int height, boolean other) {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(other ? new Color(40, 180, 60) : new Color(200, 40, 40));
    g.fillRect(0, 0, width / 2, height);
    g.setColor(other ? new Color(220, 200, 40) : new Color(40, 60, 200));
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  public static byte[] png(int width, int height) {
    return png(width, height, false);
  }

  public static byte[] png(int width, int height, boolean other) {
    return encode(picture(width, height, other), "png");
  }

  public static byte[] jpeg(int width, int height) {
    return encode(picture(width, height), "jpeg");
  }

  /** A PCM WAV file of a 440 Hz tone. */
  public static byte[] wav(double seconds, int sampleRate) {
    int samples = (int) (seconds * sampleRate);
    var data = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    data.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
    data.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
    data.put("data".getBytes()).putInt(samples * 2);
    for (int i = 0; i < samples; i++) {
      data.putShort((short) (Math.sin(2 * Math.PI * 440 * i / sampleRate) * 12000));
    }
    return data.array();
  }

  /** A short H.264/AAC MP4 (or other container) made with JavaCV. */
  public static void video(Path target, String format, int width, int height, double seconds) {
    try (var recorder = new FFmpegFrameRecorder(target.toFile(), width, height, 1);
        var converter = new Java2DFrameConverter()) {
      recorder.setFormat(format);
      recorder.setFrameRate(25);
      if (format.equals("mp4")) {
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
      }
      recorder.setSampleRate(48000);
      recorder.start();
      var frame = picture(width, height);
      for (int i = 0; i < seconds * 25; i++) {
        recorder.record(converter.convert(frame));
        recorder.recordSamples(48000, 1, ShortBuffer.wrap(new short[48000 / 25]));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] encode(BufferedImage image, String format) {
    try {
      var out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
