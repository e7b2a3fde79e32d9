package app.kinora.provenance.internal;

import app.kinora.provenance.ManifestDraft;
import app.kinora.provenance.SourceType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Signs a file as Kinora signs a platform's video, with a self-made certificate: for tests outside
 * this module that need a signed output (the adapters' contract).
 */
public final class TestSigner {

  private TestSigner() {}

  /** Signs the video in place as made by this model on this platform. */
  public static void signAsMadeOn(Path video, String platform, String model) {
    try {
      new KinoraContentCredentials(
              SelfMadeCertificates.make("Test operator"),
              List.of(),
              new Timestamps(null, Duration.ZERO),
              "9.9.9",
              List.of())
          .sign(
              video,
              new ManifestDraft(
                  SourceType.TRAINED_ALGORITHMIC_MEDIA, model, platform, List.of(), Instant.now()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
