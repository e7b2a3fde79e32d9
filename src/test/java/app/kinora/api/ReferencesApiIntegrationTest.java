package app.kinora.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.media.MediaProbe;
import app.kinora.media.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Image, audio and video references through the public API, rendered by the local renderer. */
class ReferencesApiIntegrationTest extends IntegrationTest {

  @Autowired
  MediaProbe probe;

  @TempDir
  Path dir;

  private ApiClient api() {
    return new ApiClient(baseUrl(), ADMIN_API_KEY);
  }

  @Test
  void startsFromTheReferenceImageAndEndsOnTheLastFrame() throws Exception {
    var first = TestMedia.picture(1280, 720);
    var reply = api()
        .postMultipart(
            "/v1/videos",
            Map.of(
                "prompt", "Gentle drift", "seconds", "2", "size", "1280x720", "caption", "false"),
            Map.of(
                "input_reference",
                TestMedia.jpeg(1280, 720),
                "last_frame",
                TestMedia.png(1280, 720, true)));
    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(200);

    var video = download(awaitCompleted(reply.json().path("id").asString()), "i2v.mp4");

    assertThat(meanDifference(frame(video, 0), first)).isLessThan(12);
    assertThat(meanDifference(frame(video, -1), TestMedia.picture(1280, 720, true)))
        .isLessThan(20);
  }

  @Test
  void usesTheUploadedSoundtrack() throws Exception {
    var reply = api()
        .postMultipart(
            "/v1/videos",
            Map.of("prompt", "Tone", "seconds", "2", "size", "480x480"),
            Map.of("audio", TestMedia.wav(3, 44100)));
    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(200);

    var video = download(awaitCompleted(reply.json().path("id").asString()), "audio.mp4");

    assertThat(probe.probeMp4(video).audio()).isPresent();
    var sound = listen(video);
    assertThat(sound.frequency()).isBetween(400.0, 480.0);
    assertThat(sound.levelDbfs()).as("loudness normalised to about -16").isBetween(-19.0, -14.0);
  }

  @Test
  void restylesAReferenceClip() throws Exception {
    var clip = dir.resolve("clip.mp4");
    TestMedia.video(clip, "mp4", 320, 240, 1);
    var reply = api()
        .postMultipart(
            "/v1/videos",
            Map.of("prompt", "Snow falling", "seconds", "2", "size", "480x480"),
            Map.of("video", Files.readAllBytes(clip)));
    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(200);

    var video = download(awaitCompleted(reply.json().path("id").asString()), "remix.mp4");

    var info = probe.probeMp4(video);
    assertThat(info.duration().toMillis()).isBetween(1900L, 2100L);
    var firstFrame = frame(video, 0);
    // the clip's red left half shows through the scene layers
    assertThat(new java.awt.Color(firstFrame.getRGB(60, 240)).getRed()).isGreaterThan(120);
  }

  private JsonNode awaitCompleted(String id) {
    var done = await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> api().get("/v1/videos/" + id).json(),
            json -> json.path("status").asString().matches("completed|failed"));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    return done;
  }

  private Path download(JsonNode video, String name) throws Exception {
    var file = dir.resolve(name);
    api().download("/v1/videos/" + video.path("id").asString() + "/content", file);
    return file;
  }

  /** Frame {@code index} of the video; -1 is the last. Decoded in the test JVM: our own output. */
  private static BufferedImage frame(Path video, int index) throws Exception {
    try (var grabber = new FFmpegFrameGrabber(video.toFile());
        var converter = new Java2DFrameConverter()) {
      grabber.start();
      BufferedImage last = null;
      for (int i = 0; ; i++) {
        var frame = grabber.grabImage();
        if (frame == null) {
          return last;
        }
        last = deepCopy(converter.convert(frame));
        if (i == index) {
          return last;
        }
      }
    }
  }

  private static double meanDifference(BufferedImage a, BufferedImage b) {
    long sum = 0;
    int step = 4;
    int count = 0;
    for (int y = 0; y < a.getHeight(); y += step) {
      for (int x = 0; x < a.getWidth(); x += step) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        sum += Math.abs((p >> 16 & 255) - (q >> 16 & 255))
            + Math.abs((p >> 8 & 255) - (q >> 8 & 255))
            + Math.abs((p & 255) - (q & 255));
        count += 3;
      }
    }
    return sum / (double) count;
  }

  record Sound(double frequency, double levelDbfs) {}

  /** A tone's frequency (zero crossings per second, halved) and its RMS level. */
  private static Sound listen(Path video) throws Exception {
    try (var grabber = new FFmpegFrameGrabber(video.toFile())) {
      grabber.start();
      int rate = grabber.getSampleRate();
      long crossings = 0;
      long samples = 0;
      double energy = 0;
      float previous = 0;
      for (var frame = grabber.grabSamples(); frame != null; frame = grabber.grabSamples()) {
        var buffer = frame.samples[0];
        while (buffer.hasRemaining()) {
          float value = buffer instanceof java.nio.ShortBuffer shorts
              ? shorts.get() / 32768f
              : ((java.nio.FloatBuffer) buffer).get();
          energy += value * value;
          if ((previous < 0) != (value < 0)) {
            crossings++;
          }
          previous = value;
          samples++;
        }
      }
      return new Sound(
          crossings / 2.0 / (samples / (double) rate), 10 * Math.log10(energy / samples));
    }
  }

  private static BufferedImage deepCopy(BufferedImage image) {
    var copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    copy.getGraphics().drawImage(image, 0, 0, null);
    return copy;
  }
}
