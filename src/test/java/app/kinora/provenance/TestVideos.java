package app.kinora.provenance;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Small MP4 files for the provenance tests, and a way to prove one still decodes. */
public final class TestVideos {

  private TestVideos() {}

  /** A one-second H.264/AAC MP4 with its index in front, as Kinora's outputs are. */
  public static Path mp4(Path target) {
    return mp4(target, 160, 90, 1);
  }

  /** An H.264/AAC MP4 of the given size and whole seconds, with its index in front. */
  public static Path mp4(Path target, int width, int height, int seconds) {
    try (var recorder = new FFmpegFrameRecorder(target.toFile(), width, height, 1);
        var converter = new Java2DFrameConverter()) {
      recorder.setFormat("mp4");
      recorder.setOption("movflags", "+faststart");
      recorder.setFrameRate(25);
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
      recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
      recorder.setSampleRate(48000);
      recorder.start();
      for (int i = 0; i < 25 * seconds; i++) {
        var frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        var graphics = frame.createGraphics();
        graphics.setColor(new Color(i % 25 * 10, 80, 200 - i % 25 * 5));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        recorder.record(converter.convert(frame));
        recorder.recordSamples(48000, 1, ShortBuffer.wrap(new short[48000 / 25]));
      }
      return target;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The payload of the media data box: the pictures and sound, whatever boxes surround them. */
  public static byte[] mdat(byte[] mp4) {
    var buffer = java.nio.ByteBuffer.wrap(mp4);
    while (buffer.remaining() >= 8) {
      int start = buffer.position();
      long size = Integer.toUnsignedLong(buffer.getInt());
      var type = new byte[4];
      buffer.get(type);
      if (new String(type, java.nio.charset.StandardCharsets.US_ASCII).equals("mdat")) {
        return java.util.Arrays.copyOfRange(mp4, start + 8, (int) (start + size));
      }
      buffer.position((int) (start + size));
    }
    throw new AssertionError("no media data box");
  }

  /** The bytes of the C2PA manifest store box, to search it for what must not be there. */
  public static byte[] manifestBox(byte[] mp4) {
    var buffer = java.nio.ByteBuffer.wrap(mp4);
    while (buffer.remaining() >= 8) {
      int start = buffer.position();
      long size = Integer.toUnsignedLong(buffer.getInt());
      var type = new byte[4];
      buffer.get(type);
      if (new String(type, java.nio.charset.StandardCharsets.US_ASCII).equals("uuid")) {
        return java.util.Arrays.copyOfRange(mp4, start, (int) (start + size));
      }
      buffer.position((int) (start + size));
    }
    throw new AssertionError("no uuid box");
  }

  /** The first frame, decoded in the test JVM. */
  public static BufferedImage firstFrame(Path mp4) {
    try (var grabber = new FFmpegFrameGrabber(mp4.toFile());
        var converter = new Java2DFrameConverter()) {
      grabber.start();
      return converter.convert(grabber.grabImage());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decodes every frame and returns how many there were (a broken index fails here). */
  public static int decodedFrames(Path mp4) {
    try (var grabber = new FFmpegFrameGrabber(mp4.toFile())) {
      grabber.start();
      int frames = 0;
      for (var frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
        frames++;
      }
      return frames;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
