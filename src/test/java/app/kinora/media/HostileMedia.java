package app.kinora.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * The bad-input corpus: files made here, each with the form field it is sent in and the refusal
 * it must get. Truncated and corrupt files of every accepted type, wrong kinds, active formats,
 * polyglots, bombs and playlists that point at local files or at a port the test listens on.
 */
public final class HostileMedia {

  /** One hostile file: what it is, where it is sent, and the status and error code expected. */
  public record Sample(String name, String field, byte[] bytes, int status, String code) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String INVALID = "invalid_file";
  private static final String TYPE = "unsupported_file_type";
  private static final String LARGE = "file_too_large";

  private HostileMedia() {}

  /** Every sample; {@code port} is where playlists point, {@code dir} holds scratch files. */
  public static List<Sample> corpus(int port, Path dir) {
    var url = "http://127.0.0.1:" + port + "/";
    var png = TestMedia.png(400, 300);
    var jpeg = TestMedia.jpeg(400, 300);
    var wav = TestMedia.wav(1, 44100);
    var mp4 = video(dir, "mp4");
    var webm = video(dir, "webm");
    var samples = new ArrayList<Sample>();
    // truncated and corrupt images
    samples.add(new Sample("empty file", "input_reference", new byte[0], 400, INVALID));
    samples.add(new Sample(
        "png cut after its signature", "input_reference", Arrays.copyOf(png, 12), 400, INVALID));
    samples.add(new Sample(
        "png cut in the header", "input_reference", Arrays.copyOf(png, 60), 400, INVALID));
    samples.add(new Sample(
        "png cut in half", "input_reference", Arrays.copyOf(png, png.length / 2), 400, INVALID));
    samples.add(
        new Sample("png with garbage pixels", "input_reference", garble(png, 60), 400, INVALID));
    samples.add(new Sample(
        "jpeg start marker only", "input_reference", Arrays.copyOf(jpeg, 4), 400, INVALID));
    samples.add(new Sample(
        "jpeg cut in the headers", "input_reference", Arrays.copyOf(jpeg, 300), 400, INVALID));
    samples.add(
        new Sample("jpeg with garbage scan", "last_frame", garble(jpeg, 400), 400, INVALID));
    samples.add(new Sample(
        "webp riff header only",
        "input_reference",
        riff("WEBP", "VP8 ", new byte[10]),
        400,
        INVALID));
    // bombs and giants
    samples.add(new Sample(
        "png header of 60000x60000", "input_reference", pngHeader(60_000, 60_000), 413, LARGE));
    samples.add(new Sample(
        "png decompression bomb 12000x12000", "input_reference", pngBomb(12_000), 413, LARGE));
    samples.add(new Sample(
        "png of 6300x6300 16-bit RGBA, 318 MB decoded",
        "input_reference",
        TestMedia.deepPng(6300, 6300),
        413,
        LARGE));
    samples.add(new Sample(
        "jpeg header of 65000x65000", "input_reference", jpegHeader(65_000, 65_000), 413, LARGE));
    samples.add(new Sample(
        "wav lasting eleven minutes", "audio", TestMedia.wav(11 * 60, 8000), 413, LARGE));
    samples.add(new Sample(
        "image over the size limit",
        "input_reference",
        oversized(png, 20 * 1024 * 1024 + 1),
        413,
        LARGE));
    // active and unaccepted formats
    samples.add(new Sample(
        "svg with script",
        "input_reference",
        text("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>fetch('"
            + url + "')</script></svg>"),
        415,
        TYPE));
    samples.add(new Sample(
        "svg without xml declaration",
        "last_frame",
        text("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><image href=\"" + url
            + "x.png\"/></svg>"),
        415,
        TYPE));
    samples.add(new Sample(
        "html page",
        "input_reference",
        text("<!DOCTYPE html><html><script>alert(1)</script></html>"),
        415,
        TYPE));
    samples.add(new Sample("gif", "input_reference", gif(), 415, TYPE));
    samples.add(
        new Sample("bmp", "input_reference", encode(TestMedia.picture(8, 8), "bmp"), 415, TYPE));
    samples.add(new Sample(
        "pdf",
        "input_reference",
        text("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"),
        415,
        TYPE));
    samples.add(new Sample("zip archive", "video", zip(), 415, TYPE));
    samples.add(new Sample("elf executable", "video", elf(), 415, TYPE));
    samples.add(
        new Sample("shell script", "audio", text("#!/bin/sh\ncurl " + url + "\n"), 415, TYPE));
    samples.add(new Sample("random bytes", "video", random(4096), 415, TYPE));
    // wrong kinds ("extensions" never matter: the bytes decide)
    samples.add(new Sample("wav sent as an image", "input_reference", wav, 415, TYPE));
    samples.add(new Sample("png sent as audio", "audio", png, 415, TYPE));
    samples.add(new Sample("mp4 sent as audio", "audio", mp4, 415, TYPE));
    samples.add(new Sample("jpeg sent as a video", "video", jpeg, 415, TYPE));
    // playlists and scripts that would make FFmpeg open files or connect
    samples.add(new Sample(
        "hls playlist to /etc/passwd",
        "video",
        text(
            "#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n"),
        415,
        TYPE));
    samples.add(new Sample(
        "hls playlist to the listener",
        "video",
        text("#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10.0,\n" + url
            + "segment.ts\n#EXT-X-ENDLIST\n"),
        415,
        TYPE));
    samples.add(new Sample(
        "hls playlist as audio",
        "audio",
        text("#EXTM3U\n#EXTINF:1,\n" + url + "a.mp3\n"),
        415,
        TYPE));
    samples.add(new Sample(
        "concat script to /etc/passwd",
        "video",
        text("ffconcat version 1.0\nfile '/etc/passwd'\n"),
        415,
        TYPE));
    samples.add(new Sample(
        "concat script to the listener",
        "video",
        text("ffconcat version 1.0\nfile '" + url + "x.mp4'\n"),
        415,
        TYPE));
    samples.add(new Sample(
        "sdp to the listener",
        "video",
        text("v=0\no=- 0 0 IN IP4 127.0.0.1\ns=x\nc=IN IP4 127.0.0.1\nt=0 0\nm=video " + port
            + " RTP/AVP 96\n"),
        415,
        TYPE));
    samples.add(new Sample(
        "avi carrying a playlist",
        "video",
        riff("AVI ", "LIST", text("#EXTM3U\n#EXTINF:1,\n" + url + "\n")),
        415,
        TYPE));
    // polyglots: the magic of an accepted type in front of something else
    samples.add(new Sample(
        "mp4 box in front of a playlist",
        "video",
        concat(
            ftyp(),
            text("#EXTM3U\n#EXTINF:10.0,\nfile:///etc/passwd\n#EXTINF:10.0,\n" + url + "\n")),
        400,
        INVALID));
    samples.add(new Sample(
        "jpeg marker in front of html",
        "input_reference",
        concat(Arrays.copyOf(jpeg, 2), text("<html><script>alert(1)</script></html>")),
        415,
        TYPE));
    samples.add(new Sample(
        "jpeg headers in front of a playlist",
        "input_reference",
        concat(Arrays.copyOf(jpeg, 300), text("\n#EXTM3U\n#EXTINF:1,\n" + url + "\n")),
        400,
        INVALID));
    samples.add(new Sample(
        "png signature in front of a playlist",
        "input_reference",
        concat(Arrays.copyOf(png, 8), text("#EXTM3U\n" + url + "\n")),
        400,
        INVALID));
    // truncated and corrupt audio and video
    samples.add(new Sample("wav header only", "audio", Arrays.copyOf(wav, 44), 400, INVALID));
    samples.add(
        new Sample("wav with a broken format chunk", "audio", brokenWav(wav), 400, INVALID));
    samples.add(new Sample(
        "mp3 tag without frames",
        "audio",
        concat(text("ID3"), new byte[] {4, 0, 0, 0, 0, 0, 10}, random(10)),
        400,
        INVALID));
    samples.add(new Sample(
        "flac marker only",
        "audio",
        concat(text("fLaC"), new byte[] {0, 0, 0, 34}, new byte[8]),
        400,
        INVALID));
    samples.add(new Sample(
        "ogg page of garbage",
        "audio",
        concat(text("OggS"), new byte[] {0, 2}, random(200)),
        415,
        TYPE));
    samples.add(
        new Sample("mp4 cut before its index", "video", Arrays.copyOf(mp4, 1024), 400, INVALID));
    samples.add(new Sample("mp4 file type box only", "video", ftyp(), 400, INVALID));
    samples.add(
        new Sample("webm cut in its header", "video", Arrays.copyOf(webm, 64), 400, INVALID));
    samples.add(new Sample(
        "matroska magic and garbage",
        "video",
        concat(Arrays.copyOf(webm, 4), random(2000)),
        400,
        INVALID));
    return samples;
  }

  /** A valid PNG signature and IHDR chunk announcing the given size, and nothing else. */
  public static byte[] pngHeader(int width, int height) {
    return concat(
        Arrays.copyOf(TestMedia.png(1, 1), 8),
        chunk(
            "IHDR",
            ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .array()));
  }

  /** A real, complete one-bit PNG of {@code side × side} black pixels: a few kilobytes that inflate to megapixels. */
  static byte[] pngBomb(int side) {
    return encode(new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY), "png");
  }

  /** A JPEG whose start-of-frame announces {@code width × height}, with a tiny body. */
  static byte[] jpegHeader(int width, int height) {
    var jpeg = TestMedia.jpeg(16, 16);
    for (int i = 2; i < jpeg.length - 9; i++) {
      if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
        ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
        return jpeg;
      }
    }
    throw new IllegalStateException("no start of frame");
  }

  private static byte[] brokenWav(byte[] wav) {
    var copy = wav.clone();
    ByteBuffer.wrap(copy)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putShort(20, (short) 0x7777)
        .putShort(22, (short) 0);
    return copy;
  }

  private static byte[] oversized(byte[] start, int length) {
    return Arrays.copyOf(start, length);
  }

  /** Overwrites the file from {@code offset} to its last 16 bytes with noise. */
  private static byte[] garble(byte[] file, int offset) {
    var copy = file.clone();
    var noise = random(copy.length);
    System.arraycopy(noise, offset, copy, offset, copy.length - offset - 16);
    return copy;
  }

  private static byte[] riff(String form, String chunk, byte[] body) {
    var buffer = ByteBuffer.allocate(20 + body.length).order(ByteOrder.LITTLE_ENDIAN);
    buffer
        .put(text("RIFF"))
        .putInt(12 + body.length)
        .put(text(form))
        .put(text(chunk))
        .putInt(body.length)
        .put(body);
    return buffer.array();
  }

  private static byte[] ftyp() {
    return concat(
        new byte[] {0, 0, 0, 24}, text("ftypisom"), new byte[] {0, 0, 2, 0}, text("isomiso2"));
  }

  private static byte[] chunk(String type, byte[] data) {
    var crc = new CRC32();
    crc.update(text(type));
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(text(type))
        .put(data)
        .putInt((int) crc.getValue())
        .array();
  }

  private static byte[] gif() {
    return encode(TestMedia.picture(8, 8), "gif");
  }

  private static byte[] zip() {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("video.mp4"));
      zip.write(new byte[100_000]);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] elf() {
    try {
      return Arrays.copyOf(Files.readAllBytes(Path.of("/bin/true")), 8192);
    } catch (IOException e) {
      return concat(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, new byte[4000]);
    }
  }

  private static byte[] video(Path dir, String format) {
    try {
      var file = dir.resolve("hostile-base." + format);
      TestMedia.video(file, format, 320, 240, 1);
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] encode(BufferedImage image, String format) {
    try {
      var out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] random(int length) {
    var bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (var part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
