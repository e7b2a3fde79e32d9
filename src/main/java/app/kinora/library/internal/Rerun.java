package app.kinora.library.internal;

import app.kinora.generation.Generation;
import org.springframework.web.util.UriComponentsBuilder;

/** The studio's address prefilled with a generation's settings, to change and run again. */
final class Rerun {

  private Rerun() {}

  /** The studio with the same settings, a fresh seed, and {@code firstFrame} (an upload) to start from. */
  static String continuation(Generation g, java.util.UUID firstFrame) {
    return settings(g)
        .queryParam("first_frame_upload", firstFrame)
        .encode()
        .build()
        .toUriString();
  }

  static String link(Generation g) {
    var uri = settings(g).queryParam("seed", g.spec().seed());
    var refs = g.spec().references();
    if (refs.firstFrame() != null) {
      uri.queryParam("first_frame_upload", refs.firstFrame().value());
    }
    return uri.encode().build().toUriString();
  }

  private static UriComponentsBuilder settings(Generation g) {
    return UriComponentsBuilder.fromPath("/")
        .queryParam("prompt", g.prompt())
        .queryParam("model", g.model())
        .queryParam("seconds", g.seconds())
        .queryParam("size", g.size().width() + "x" + g.size().height())
        .queryParam("fps", g.spec().framesPerSecond())
        .queryParam("sound", g.spec().generateAudio() ? "on" : "off")
        .queryParam("caption", g.spec().caption() ? "on" : "off")
        .queryParam(
            "promptInCredentials",
            Boolean.TRUE.equals(g.spec().promptInCredentials()) ? "on" : "off");
  }
}
