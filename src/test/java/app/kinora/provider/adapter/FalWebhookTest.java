package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.WebhookVerifier;
import app.kinora.shared.VideoSize;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;

/** fal.ai's webhooks: asked for with {@code fal_webhook}, verified with Ed25519 keys from its JWKS. */
class FalWebhookTest {

  static final Instant NOW = Instant.parse("2026-11-29T05:00:00Z");

  @RegisterExtension
  static WireMockExtension fal =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void asksForAWebhookAndAcceptsOnlyPostsSignedWithFalsKeys() throws Exception {
    var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    var encoded = pair.getPublic().getEncoded();
    var raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    fal.stubFor(get("/.well-known/jwks.json")
        .willReturn(okJson(
            "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\",\"use\":\"sig\",\"x\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(raw) + "\"}]}")));
    fal.stubFor(
        post(urlPathEqualTo("/fal-ai/veo3/fast")).willReturn(okJson("{\"request_id\":\"req-1\"}")));
    var adapter = new FalAdapter(
        new ProviderInfo("fal.ai", "US"),
        fal.baseUrl(),
        "fal-key",
        "https://kinora.example/providers/webhooks/fal",
        fal.baseUrl() + "/.well-known/jwks.json",
        new HttpTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)),
        Clock.fixed(NOW, ZoneOffset.UTC));

    adapter.submit(ProviderSpecs.of(
        "fal-ai/veo3/fast",
        "Waves",
        Duration.ofSeconds(4),
        new VideoSize(1280, 720),
        3,
        24,
        false,
        false,
        ReferenceMedia.NONE));
    var body = "{\"request_id\":\"req-1\",\"status\":\"OK\",\"payload\":{}}"
        .getBytes(StandardCharsets.UTF_8);
    var headers = signed(pair.getPrivate(), "req-1", body);

    fal.verify(postRequestedFor(urlPathEqualTo("/fal-ai/veo3/fast"))
        .withQueryParam("fal_webhook", equalTo("https://kinora.example/providers/webhooks/fal"))
        .withRequestBody(equalToJson("""
            {"prompt":"Waves","duration":"4s","aspect_ratio":"16:9","resolution":"720p","generate_audio":false,"seed":3}""")));
    assertThat(adapter.verifiedJobId(headers, body)).contains("req-1");
    var tampered =
        "{\"request_id\":\"req-1\",\"status\":\"ERROR\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> adapter.verifiedJobId(headers, tampered))
        .isInstanceOf(WebhookVerifier.InvalidSignature.class);
  }

  private static HttpHeaders signed(PrivateKey key, String requestId, byte[] body)
      throws Exception {
    var timestamp = String.valueOf(NOW.getEpochSecond());
    var digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    var signer = Signature.getInstance("Ed25519");
    signer.initSign(key);
    signer.update(
        String.join("\n", requestId, "user-7", timestamp, digest).getBytes(StandardCharsets.UTF_8));
    var headers = new HttpHeaders();
    headers.add("X-Fal-Webhook-Request-Id", requestId);
    headers.add("X-Fal-Webhook-User-Id", "user-7");
    headers.add("X-Fal-Webhook-Timestamp", timestamp);
    headers.add("X-Fal-Webhook-Signature", HexFormat.of().formatHex(signer.sign()));
    return headers;
  }
}
