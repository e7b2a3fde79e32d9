package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provider.spi.JobState;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Veo on Vertex AI: {@code predictLongRunning} and {@code fetchPredictOperation}, signed in as a
 * service account whose JWT is exchanged at Google's token endpoint (a second stub here).
 */
class VertexVeoAdapterTest extends AdapterContract {

  /** Google's OAuth2 token endpoint, apart from the platform so that its POSTs are not jobs. */
  @RegisterExtension
  static WireMockExtension google =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final KeyPair KEY = rsaKey();
  static final String CLIENT_EMAIL = "kinora-veo@kinora-test.iam.gserviceaccount.com";
  static final String TOKEN = "ya29.kinora-test-token";
  static final String MODEL = "veo-3.1-fast-generate-001";
  static final String MODELS =
      "/v1/projects/kinora-test/locations/us-central1/publishers/google/models/";
  static final String OPERATION =
      "projects/kinora-test/locations/us-central1/publishers/google/models/" + MODEL
          + "/operations/0c4f7e1b";

  @BeforeEach
  void tokenEndpoint() {
    google.stubFor(post("/token")
        .willReturn(okJsonOf(
            "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
  }

  @Override
  HttpAdapter adapter(String baseUrl, HttpTimeouts timeouts) {
    return adapter(baseUrl, timeouts, null);
  }

  VertexVeoAdapter adapter(String baseUrl, HttpTimeouts timeouts, String storageUri) {
    return new VertexVeoAdapter(
        new ProviderInfo("Google Vertex AI", "US"),
        baseUrl + "/v1",
        account(google.baseUrl() + "/token"),
        "kinora-test",
        "us-central1",
        storageUri,
        baseUrl,
        timeouts);
  }

  @Override
  VideoSpec<ReferenceMedia> request() {
    try {
      return ProviderSpecs.of(
          MODEL,
          "A hummingbird at a flower",
          Duration.ofSeconds(6),
          new VideoSize(720, 1280),
          42,
          24,
          true,
          false,
          new ReferenceMedia(png(dir), null, null, null),
          "cartoon");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  void stubSubmit(ResponseDefinitionBuilder answer) {
    platform.stubFor(post(MODELS + MODEL + ":predictLongRunning").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder accepted() {
    return json("{\"name\":\"" + OPERATION + "\"}");
  }

  @Override
  RemoteJob expectedJob() {
    return new RemoteJob(OPERATION, MODEL);
  }

  @Override
  void stubStatus(ResponseDefinitionBuilder answer) {
    platform.stubFor(post(MODELS + MODEL + ":fetchPredictOperation")
        .withRequestBody(equalToJson("{\"operationName\":\"" + OPERATION + "\"}"))
        .willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder running() {
    return json("{\"name\":\"" + OPERATION + "\"}");
  }

  @Override
  OptionalDouble expectedProgress() {
    return OptionalDouble.empty();
  }

  /** Without a storage URI, Vertex AI answers with the video's bytes inside the operation. */
  @Override
  void stubCompleted(byte[] video) {
    stubStatus(json(("{\"name\":\"%s\",\"done\":true,\"response\":{\"@type\":"
            + "\"type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse\","
            + "\"raiMediaFilteredCount\":0,\"videos\":[{\"bytesBase64Encoded\":\"%s\","
            + "\"mimeType\":\"video/mp4\"}]}}")
        .formatted(OPERATION, Base64.getEncoder().encodeToString(video))));
  }

  @Override
  ResponseDefinitionBuilder failed() {
    return json("{\"name\":\"" + OPERATION
        + "\",\"done\":true,\"error\":{\"code\":13,\"message\":\"Internal error\"}}");
  }

  @Override
  Optional<ResponseDefinitionBuilder> moderated() {
    return Optional.of(json(("{\"name\":\"%s\",\"done\":true,\"response\":{"
            + "\"raiMediaFilteredCount\":1,\"raiMediaFilteredReasons\":[\"Unable to make"
            + " the video because it may violate our policies.\"],\"videos\":[]}}")
        .formatted(OPERATION)));
  }

  /** A video left in Cloud Storage that is gone by the time it is fetched. */
  @Override
  void stubExpired() {
    stubStatus(json(("{\"name\":\"%s\",\"done\":true,\"response\":{\"videos\":[{\"gcsUri\":"
            + "\"gs://kinora-videos/out/sample_0.mp4\",\"mimeType\":\"video/mp4\"}]}}")
        .formatted(OPERATION)));
    platform.stubFor(get(urlPathEqualTo("/storage/v1/b/kinora-videos/o/out%2Fsample_0.mp4"))
        .willReturn(aResponse().withStatus(404)));
  }

  @Override
  String expectedPayload() {
    try {
      return """
          {"instances":[{"prompt":"A hummingbird at a flower","image":{"bytesBase64Encoded":"%s","mimeType":"image/png"}}],
           "parameters":{"aspectRatio":"9:16","resolution":"720p","durationSeconds":6,"sampleCount":1,
           "generateAudio":true,"seed":42,"negativePrompt":"cartoon"}}""".formatted(base64(dir.resolve("first.png")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void signsInWithAJwtBearerGrantSignedByTheKeyAndReusesTheToken() throws Exception {
    stubSubmit(accepted());
    stubStatus(running());
    var adapter = adapter(baseUrl());

    var job = adapter.submit(request());
    adapter.status(job);

    var exchanges = google.findAll(postRequestedFor(urlPathEqualTo("/token")));
    assertThat(exchanges).as("one token for both calls").hasSize(1);
    var form = form(exchanges.getFirst().getBodyAsString());
    assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
    var assertion = SignedJWT.parse(form.get("assertion"));
    assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) KEY.getPublic())))
        .as("signed with the service account's key")
        .isTrue();
    var claims = assertion.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(CLIENT_EMAIL);
    // Google's library names Google's token server as the audience, wherever the key file's
    // token_uri points
    assertThat(claims.getAudience()).containsExactly("https://oauth2.googleapis.com/token");
    assertThat(claims.getStringClaim("scope"))
        .isEqualTo("https://www.googleapis.com/auth/cloud-platform");
    assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
    platform.verify(
        1,
        postRequestedFor(urlPathEqualTo(MODELS + MODEL + ":predictLongRunning"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    platform.verify(
        1,
        postRequestedFor(urlPathEqualTo(MODELS + MODEL + ":fetchPredictOperation"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void aRefusedSignInSendsNoJob() {
    google.stubFor(post("/token")
        .willReturn(aResponse()
            .withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT\"}")));

    assertThatThrownBy(() -> adapter(baseUrl()).submit(request()))
        .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
          assertThat(failure.code()).isEqualTo("provider_unavailable");
          assertThat(failure.isOutcomeUnknown()).isFalse();
        });
    platform.verify(0, postRequestedFor(urlPathEqualTo(MODELS + MODEL + ":predictLongRunning")));
  }

  @Test
  void downloadsAVideoWrittenToCloudStorageWithTheSameToken() throws Exception {
    var video = new byte[200_000];
    new Random(11).nextBytes(video);
    stubSubmit(accepted());
    stubStatus(json(("{\"name\":\"%s\",\"done\":true,\"response\":{\"raiMediaFilteredCount\":0,"
            + "\"videos\":[{\"gcsUri\":\"gs://kinora-videos/out/0c4f/sample_0.mp4\","
            + "\"mimeType\":\"video/mp4\"}]}}")
        .formatted(OPERATION)));
    platform.stubFor(get(urlPathEqualTo("/storage/v1/b/kinora-videos/o/out%2F0c4f%2Fsample_0.mp4"))
        .withQueryParam("alt", equalTo("media"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
    var adapter = adapter(baseUrl(), TIMEOUTS, "gs://kinora-videos/out");

    var job = adapter.submit(request());
    var status = adapter.status(job);
    var output = dir.resolve("from-storage.mp4");
    adapter.fetch(job, status, output);

    assertThat(status.state()).isEqualTo(JobState.COMPLETED);
    assertThat(Files.readAllBytes(output)).isEqualTo(video);
    platform.verify(postRequestedFor(urlPathEqualTo(MODELS + MODEL + ":predictLongRunning"))
        .withRequestBody(equalToJson(
            "{\"parameters\":{\"storageUri\":\"gs://kinora-videos/out\"}}", false, true)));
    platform.verify(
        1,
        getRequestedFor(urlPathEqualTo("/storage/v1/b/kinora-videos/o/out%2F0c4f%2Fsample_0.mp4")));

    platform.stubFor(
        delete(urlPathEqualTo("/storage/v1/b/kinora-videos/o/out%2F0c4f%2Fsample_0.mp4"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .willReturn(aResponse().withStatus(204)));
    assertThat(adapter.deleteRemote(job))
        .as("the copy in Cloud Storage is deleted")
        .isTrue();
    platform.verify(
        1,
        deleteRequestedFor(
            urlPathEqualTo("/storage/v1/b/kinora-videos/o/out%2F0c4f%2Fsample_0.mp4")));
  }

  @Test
  void offersTheDocumentedGenerallyAvailableModels() {
    assertThat(adapter(baseUrl()).models())
        .extracting(model -> model.id())
        .containsExactly("veo-3.1-generate-001", "veo-3.1-fast-generate-001");
  }

  static GoogleServiceAccount account(String tokenUri) {
    var pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(KEY.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    var key = JSON.writeValueAsString(Map.of(
        "type", "service_account",
        "project_id", "kinora-test",
        "private_key_id", "k1",
        "private_key", pem,
        "client_email", CLIENT_EMAIL,
        "client_id", "1234567890",
        "token_uri", tokenUri));
    try {
      return new GoogleServiceAccount(
          new ByteArrayInputStream(key.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> form(String body) {
    return Arrays.stream(body.split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(
            pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
            pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
  }

  private static ResponseDefinitionBuilder okJsonOf(String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  private static KeyPair rsaKey() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();
}
