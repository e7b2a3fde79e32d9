package app.kinora.render;

import app.kinora.render.encode.Mp4Encoder;
import app.kinora.render.encode.Yuv420;
import app.kinora.shared.MissingSystemPackage;
import org.bytedeco.ffmpeg.global.avcodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Loads the renderer's native libraries once as the node starts, as its first render would: a
 * missing system library makes the node refuse to start with the Debian package to install (or,
 * with {@code kinora.render.enabled=false}, the renderer is not there at all). Then, in the
 * background, warms up the frame conversion so the first render runs at full speed. Health
 * {@code renderer} shows the model, the FFmpeg libraries loaded and the frame conversion in use.
 */
@Component("renderer")
@ConditionalOnProperty(name = "kinora.render.enabled", havingValue = "true", matchIfMissing = true)
class RendererSelfTest implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(RendererSelfTest.class);

  private final String libraries;

  RendererSelfTest() {
    try {
      Mp4Encoder.loadLibraries();
      this.libraries = "FFmpeg libavcodec " + avcodec.LIBAVCODEC_IDENT();
      if (Yuv420.conversion().equals("scalar")) { // without the Vector API at all
        log.info("OPERATOR: the renderer converts frames without the Vector API; start Java with"
            + " --add-modules jdk.incubator.vector (as ./kinora run and the image do) to convert"
            + " them three times as fast on processors with AVX2 or AVX-512");
      }
      Thread.ofPlatform().daemon().name("kinora-render-warm-up").start(Yuv420::warmUp);
    } catch (Exception | LinkageError e) {
      throw MissingSystemPackage.of("The local renderer", causes(e))
          .orElseThrow(() -> new IllegalStateException(
              "The local renderer's FFmpeg libraries cannot be loaded: " + causes(e), e));
    }
  }

  @Override
  public Health health() {
    return Health.up()
        .withDetail("model", LocalRenderer.MODEL)
        .withDetail("libraries", libraries)
        .withDetail("frameConversion", Yuv420.conversion())
        .build();
  }

  /** Every message of the chain: the loader names the missing file deep inside it. */
  private static String causes(Throwable e) {
    var text = new StringBuilder();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      text.append(cause).append("; ");
    }
    return text.toString();
  }
}
