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

  /**
   * A valid PNG of {@code width × height} black pixels with four 16-bit channels (colour type 6,
   * bit depth 16), written by hand so that it never exists decoded here: 6300×6300 is a 309 KB file
   * that inflates to 318 MB.
   */
  public static byte[] deepPng(int width, int height) {
    var idat = new ByteArrayOutputStream();
    try (var deflater = new java.util.zip.DeflaterOutputStream(
        idat, new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION), 64 * 1024)) {
      var row = new byte[1 + width * 8]; // filter byte "none", then the row's zero samples
      for (int y = 0; y < height; y++) {
        deflater.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var header = ByteBuffer.allocate(13)
        .putInt(width)
        .putInt(height)
        .put((byte) 16)
        .put((byte) 6)
        .put((byte) 0)
        .put((byte) 0)
        .put((byte) 0)
        .array();
    return concat(
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
        pngChunk("IHDR", header),
        pngChunk("IDAT", idat.toByteArray()),
        pngChunk("IEND", new byte[0]));
  }

  private static byte[] pngChunk(String type, byte[] data) {
    var crc = new java.util.zip.CRC32();
    crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .put(data)
        .putInt((int) crc.getValue())
        .array();
  }

  /** A PCM WAV file of a 440 Hz tone. */
  public static byte[] wav(double seconds, int sampleRate) {
    int samples = (int) (seconds * sampleRate);
    var data = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    data.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
    data.put("fmt ".getBytes())
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1)
        .putInt(sampleRate)
        .putInt(sampleRate * 2)
        .putShort((short) 2)
        .putShort((short) 16);
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

  /**
   * A JPEG of {@link #picture} carrying what a phone writes: EXIF with camera make, orientation
   * and GPS position, an XMP packet with a location, and a comment with the owner's name.
   */
  public static byte[] jpegWithExif(int width, int height, int orientation) {
    var tiff = ByteBuffer.allocate(112);
    tiff.put("MM".getBytes()).putShort((short) 42).putInt(8);
    tiff.putShort((short) 3);
    tiff.putShort((short) 0x010F).putShort((short) 2).putInt(7).putInt(50);
    tiff.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(58);
    tiff.putInt(0);
    tiff.put("SpyCam\0".getBytes()).put((byte) 0);
    tiff.putShort((short) 2);
    tiff.putShort((short) 1).putShort((short) 2).putInt(2).put("N\0\0\0".getBytes());
    tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(88);
    tiff.putInt(0);
    tiff.putInt(52).putInt(1).putInt(31).putInt(1).putInt(1234).putInt(100);
    var exif = concat("Exif\0\0".getBytes(), tiff.array());
    var xmp = concat(
        "http://ns.adobe.com/xap/1.0/\0".getBytes(),
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><exif:GPSLatitude>52,31.2N secret-place</exif:GPSLatitude></x:xmpmeta>"
            .getBytes());
    var plain = jpeg(width, height);
    return concat(
        new byte[] {(byte) 0xFF, (byte) 0xD8},
        segment(0xE1, exif),
        segment(0xE1, xmp),
        segment(0xFE, "Alice Example's phone".getBytes()),
        java.util.Arrays.copyOfRange(plain, 2, plain.length));
  }

  private static byte[] segment(int marker, byte[] body) {
    return concat(
        new byte[] {
          (byte) 0xFF, (byte) marker, (byte) ((body.length + 2) >> 8), (byte) (body.length + 2)
        },
        body);
  }

  private static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (var part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
