package app.kinora.provenance.internal;

import app.kinora.provenance.ManifestDraft;
import app.kinora.provenance.SourceType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Signs a file as a platform would, with a key of its own (not Kinora's). */
public final class PlatformSigner {

  private static final KinoraContentCredentials PLATFORM = new KinoraContentCredentials(
      SelfMadeCertificates.make("Example Video Platform"),
      List.of(),
      new Timestamps(null, Duration.ZERO),
      "1.0",
      List.of());

  private PlatformSigner() {}

  public static Path sign(Path mp4) throws IOException {
    PLATFORM.sign(
        mp4,
        new ManifestDraft(
            SourceType.TRAINED_ALGORITHMIC_MEDIA,
            "sora-2-pro",
            "Example Video Platform",
            List.of(),
            Instant.now()));
    return mp4;
  }
}
