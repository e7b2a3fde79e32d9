package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import app.kinora.provider.spi.JobState;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.provider.spi.RemoteStatus;
import app.kinora.provider.spi.ReportedCost;
import app.kinora.shared.VideoSpec;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every HTTP adapter keeps, run against a WireMock stub that answers as the
 * platform's documentation says: success, progress, failure, moderation, 429 with Retry-After,
 * timeout, malformed answers, expired results, and the exact outgoing payload.
 */
abstract class AdapterContract {

  /** Generous, so that a loaded machine does not fail the tests; the timeout test uses {@link #IMPATIENT}. */
  static final HttpTimeouts TIMEOUTS =
      new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));

  static final HttpTimeouts IMPATIENT =
      new HttpTimeouts(Duration.ofSeconds(5), Duration.ofMillis(500));

  @RegisterExtension
  static WireMockExtension platform =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  /** The adapter under test, talking to the stub. */
  abstract HttpAdapter adapter(String baseUrl, HttpTimeouts timeouts);

  HttpAdapter adapter(String baseUrl) {
    return adapter(baseUrl, TIMEOUTS);
  }

  /** The request sent in every test, with the platform's model id. */
  abstract VideoSpec<ReferenceMedia> request();

  /** Stubs the submit endpoint. */
  abstract void stubSubmit(ResponseDefinitionBuilder answer);

  /** The platform's answer to an accepted submission. */
  abstract ResponseDefinitionBuilder accepted();

  /** The job the adapter should make of {@link #accepted()}. */
  abstract RemoteJob expectedJob();

  /** Stubs the status endpoint. */
  abstract void stubStatus(ResponseDefinitionBuilder answer);

  abstract ResponseDefinitionBuilder running();

  /** The progress {@link #running()} reports, where the platform tells one. */
  abstract OptionalDouble expectedProgress();

  /** Stubs a completed job whose video is these bytes, with every endpoint fetching needs. */
  abstract void stubCompleted(byte[] video);

  abstract ResponseDefinitionBuilder failed();

  /** How the platform reports a job its content rules refused; empty where it has none. */
  abstract Optional<ResponseDefinitionBuilder> moderated();

  /** Stubs a job whose result the platform no longer has. */
  abstract void stubExpired();

  /** The exact JSON the platform must receive for {@link #request()}, and nothing else. */
  abstract String expectedPayload();

  /**
   * What the platform says {@link #stubCompleted}'s job cost, as its documentation shapes it;
   * empty for platforms that report nothing of the kind (nothing is made up for them).
   */
  Optional<ReportedCost> expectedCost() {
    return Optional.empty();
  }

  String baseUrl() {
    return platform.baseUrl();
  }

  @Test
  void submitsFollowsAndStreamsTheVideoToAFile() throws Exception {
    var adapter = adapter(baseUrl());
    var video = new byte[300_000];
    new Random(7).nextBytes(video);
    stubSubmit(accepted());
    stubCompleted(video);

    var job = adapter.submit(request());
    var status = adapter.status(job);
    var output = dir.resolve("out.mp4");
    adapter.fetch(job, status, output);

    assertThat(job).isEqualTo(expectedJob());
    assertThat(status.state()).isEqualTo(JobState.COMPLETED);
    assertThat(status.costIfReported()).isEqualTo(expectedCost());
    assertThat(Files.readAllBytes(output)).isEqualTo(video);
    assertThat(dir.resolve("out.mp4.part")).doesNotExist();
  }

  /**
   * What the platform makes is stored with Content Credentials that an implementation not written
   * here validates: signed as Kinora signs it, naming this platform and model.
   */
  @Test
  void theVideoItMakesCarriesCredentialsAnIndependentValidatorAccepts() throws Exception {
    var adapter = adapter(baseUrl());
    var made = app.kinora.provenance.TestVideos.mp4(dir.resolve("made.mp4"), 320, 180, 1);
    stubSubmit(accepted());
    stubCompleted(Files.readAllBytes(made));
    var job = adapter.submit(request());
    var output = dir.resolve("collected.mp4");
    adapter.fetch(job, adapter.status(job), output);

    app.kinora.provenance.internal.TestSigner.signAsMadeOn(
        output, adapter.info().name(), request().model());

    var report = app.kinora.provenance.C2paTs.check(output);
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(report.successCodes())
        .contains("claimSignature.validated", "assertion.bmffHash.match");
    assertThat(report.actions()).containsExactly("c2pa.created");
    assertThat(report.sourceTypes())
        .containsExactly(app.kinora.provenance.SourceType.TRAINED_ALGORITHMIC_MEDIA.uri());
  }

  @Test
  void reportsAJobInProgress() {
    stubStatus(running());

    var status = adapter(baseUrl()).status(expectedJob());

    assertThat(status.state()).isIn(JobState.QUEUED, JobState.IN_PROGRESS);
    assertThat(status.progressIfKnown()).isEqualTo(expectedProgress());
  }

  @Test
  void mapsAFailedJobToACodeAndAReasonWithoutThePlatformsWords() {
    stubStatus(failed());

    var status = adapter(baseUrl()).status(expectedJob());

    assertThat(status.state()).isEqualTo(JobState.FAILED);
    assertThat(status.failure().code()).isEqualTo("provider_error");
    assertThat(status.failure().getMessage())
        .isEqualTo("The video service failed to make this video.");
  }

  @Test
  void mapsAModerationRejection() {
    var answer = moderated();
    assumeThat(answer).as("the platform moderates").isPresent();
    stubStatus(answer.get());

    var status = adapter(baseUrl()).status(expectedJob());

    assertThat(status.state()).isEqualTo(JobState.FAILED);
    assertThat(status.failure().code()).isEqualTo("moderation_blocked");
    assertThat(status.failure().allowsFallback()).isFalse();
  }

  @Test
  void passesOnRetryAfterWhenRateLimited() {
    stubSubmit(aResponse()
        .withStatus(429)
        .withHeader("Retry-After", "7")
        .withBody("{\"error\":\"slow down\"}"));

    assertThatThrownBy(() -> adapter(baseUrl()).submit(request()))
        .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
          assertThat(failure.code()).isEqualTo("rate_limited");
          assertThat(failure.isTransient()).isTrue();
          assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        });
  }

  @Test
  void treatsA503AsTransientAndAllowsFallback() {
    stubSubmit(aResponse().withStatus(503).withBody("upstream down"));

    assertThatThrownBy(() -> adapter(baseUrl()).submit(request()))
        .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
          assertThat(failure.code()).isEqualTo("provider_unavailable");
          assertThat(failure.isTransient()).isTrue();
          assertThat(failure.allowsFallback()).isTrue();
        });
  }

  @Test
  void timesOutWhenThePlatformDoesNotAnswer() {
    stubStatus(running().withFixedDelay(2_500));

    assertThatThrownBy(() -> adapter(baseUrl(), IMPATIENT).status(expectedJob()))
        .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
          assertThat(failure.code()).isEqualTo("timeout");
          assertThat(failure.isTransient()).isTrue();
        });
  }

  @Test
  void refusesAMalformedAnswer() {
    stubStatus(aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"status\": "));

    assertThatThrownBy(() -> adapter(baseUrl()).status(expectedJob()))
        .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
          assertThat(failure.code()).isEqualTo("provider_error");
          assertThat(failure.detail()).contains("malformed");
        });
  }

  @Test
  void reportsAnExpiredResult() {
    stubExpired();
    var adapter = adapter(baseUrl());

    assertThatThrownBy(() -> {
          RemoteStatus status = adapter.status(expectedJob());
          if (status.state() != JobState.COMPLETED) {
            throw status.failure();
          }
          adapter.fetch(expectedJob(), status, dir.resolve("late.mp4"));
        })
        .isInstanceOfSatisfying(
            ProviderFailure.class, failure -> assertThat(failure.code()).isEqualTo("expired"));
    assertThat(dir.resolve("late.mp4")).doesNotExist();
  }

  @Test
  void sendsThePromptParametersAndMediaOnlyNothingAboutTheUser() {
    stubSubmit(accepted());

    adapter(baseUrl()).submit(request());

    var posts = platform.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    assertThat(posts).hasSize(1);
    var sent = posts.getFirst();
    assertThat(sent.getBodyAsString())
        .satisfies(body -> assertThat(
                equalToJson(expectedPayload(), false, false).match(body).isExactMatch())
            .as("exact payload, got %s", body)
            .isTrue());
    assertNoPersonalHeaders(sent);
  }

  /**
   * Stubs what the platform answers when asked for the job a lost submission with this reference
   * made, and returns what {@code lookUp} must then say. Platforms that offer no way to ask keep
   * this default.
   */
  app.kinora.provider.spi.Lookup stubLookUp(String reference) {
    return app.kinora.provider.spi.Lookup.unknowable();
  }

  /** The platform took the job but its answer came too late: never sent twice, looked up instead. */
  @Test
  void aSubmissionAnsweredTooLateHasAnUnknownOutcomeIsSentOnceAndIsLookedUp() {
    stubSubmit(accepted().withFixedDelay(2_500));
    var reference = "kinora-" + java.util.UUID.randomUUID();

    assertThatThrownBy(() -> adapter(baseUrl(), IMPATIENT).submit(request(), reference))
        .isInstanceOfSatisfying(
            ProviderFailure.class,
            failure -> assertThat(failure.isOutcomeUnknown()).isTrue());
    assertThat(submissions()).hasSize(1);

    var expected = stubLookUp(reference);
    assertThat(adapter(baseUrl())
            .lookUp(request(), reference, java.time.Instant.now().minusSeconds(60)))
        .isEqualTo(expected);
    assertThat(submissions()).as("looking up sends nothing new").hasSize(1);
  }

  /** A success without the job's id may still have started a job: its outcome is unknown too. */
  @Test
  void aMalformedAcceptanceHasAnUnknownOutcome() {
    stubSubmit(aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"accepted\": "));

    assertThatThrownBy(() -> adapter(baseUrl()).submit(request(), "kinora-malformed"))
        .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
          assertThat(failure.isOutcomeUnknown()).isTrue();
          assertThat(failure.code()).isEqualTo("provider_error");
        });
    assertThat(submissions()).hasSize(1);
  }

  /** Refused before it was taken (429, 503): the outcome is known, sending again is safe. */
  @Test
  void aRefusalHasAKnownOutcome() {
    stubSubmit(aResponse().withStatus(503).withBody("overloaded"));

    assertThatThrownBy(() -> adapter(baseUrl()).submit(request(), "kinora-refused"))
        .isInstanceOfSatisfying(
            ProviderFailure.class,
            failure -> assertThat(failure.isOutcomeUnknown()).isFalse());
  }

  private static java.util.List<LoggedRequest> submissions() {
    return platform.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
  }

  static void assertNoPersonalHeaders(LoggedRequest sent) {
    assertThat(sent.getHeaders().keys())
        .map(String::toLowerCase)
        .doesNotContain("cookie", "x-forwarded-for", "x-real-ip", "forwarded", "x-user-id", "from");
  }

  static ResponseDefinitionBuilder json(String body) {
    return okJson(body);
  }

  static Path png(Path dir) throws java.io.IOException {
    var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var file = dir.resolve("first.png");
    javax.imageio.ImageIO.write(image, "png", file.toFile());
    return file;
  }

  static String base64(Path file) throws java.io.IOException {
    return java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file));
  }
}
