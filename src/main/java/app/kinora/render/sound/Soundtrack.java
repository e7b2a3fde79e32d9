package app.kinora.render.sound;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An uploaded soundtrack, as Kinora's sanitiser wrote it (WAV, 16-bit PCM, mono, 48 kHz): cut to
 * the video's length, faded in and out, and brought to about -16 LUFS (measured here as RMS
 * level, which matches LUFS closely for broadband sound) without clipping.
 */
public final class Soundtrack {

  static final double TARGET_DBFS = -16;
  private static final double PEAK_LIMIT = Math.pow(10, -1 / 20.0);
  private static final double FADE_SECONDS = 0.3;

  private final short[] samples;

  private Soundtrack(short[] samples) {
    this.samples = samples;
  }

  /** Reads, trims, fades and normalises the soundtrack to exactly {@code length} samples. */
  public static Soundtrack load(Path wav, int length, int sampleRate) throws IOException {
    var pcm = readPcm(wav);
    var out = new double[length];
    for (int i = 0; i < length && i < pcm.length; i++) {
      out[i] = pcm[i] / 32768.0;
    }
    fade(out, (int) (FADE_SECONDS * sampleRate));
    return new Soundtrack(normalise(out));
  }

  /** The samples that accompany video frame {@code frame}. */
  public short[] samples(int frame, int framesPerSecond, int sampleRate) {
    int first = (int) ((long) frame * sampleRate / framesPerSecond);
    int end = (int) ((long) (frame + 1) * sampleRate / framesPerSecond);
    var chunk = new short[end - first];
    System.arraycopy(
        samples, first, chunk, 0, Math.max(0, Math.min(chunk.length, samples.length - first)));
    return chunk;
  }

  private static short[] readPcm(Path wav) throws IOException {
    var bytes = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
    bytes.position(12);
    while (bytes.remaining() >= 8) {
      var id = new byte[4];
      bytes.get(id);
      int size = bytes.getInt();
      if (new String(id, java.nio.charset.StandardCharsets.US_ASCII).equals("data")) {
        var pcm = new short[Math.min(size, bytes.remaining()) / 2];
        bytes.asShortBuffer().get(pcm);
        return pcm;
      }
      bytes.position(bytes.position() + size + (size & 1));
    }
    throw new IOException("no PCM data in " + wav.getFileName());
  }

  private static void fade(double[] samples, int fadeLength) {
    int n = Math.min(fadeLength, samples.length / 2);
    for (int i = 0; i < n; i++) {
      double gain = i / (double) n;
      samples[i] *= gain;
      samples[samples.length - 1 - i] *= gain;
    }
  }

  private static short[] normalise(double[] samples) {
    double sum = 0;
    double peak = 0;
    for (double s : samples) {
      sum += s * s;
      peak = Math.max(peak, Math.abs(s));
    }
    double rms = Math.sqrt(sum / Math.max(1, samples.length));
    double gain = rms == 0 ? 1 : Math.pow(10, TARGET_DBFS / 20) / rms;
    if (peak * gain > PEAK_LIMIT) {
      gain = PEAK_LIMIT / peak;
    }
    var out = new short[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = (short) Math.round(Math.clamp(samples[i] * gain, -1, 1) * Short.MAX_VALUE);
    }
    return out;
  }
}
