package app.kinora.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Outgoing webhooks to a receiver on loopback, their signatures checked by the standardwebhooks
 * npm library rather than by Kinora's own code.
 */
class WebhooksIntegrationTest extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  CreditLedger ledger;

  @TempDir
  Path dir;

  private HttpServer receiver;
  private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void aCompletedVideoIsDeliveredSignedAsStandardWebhooksSays() throws Exception {
    var api = user();
    var endpoint = register(api, "video.completed");
    var video = make(api, "A signed lighthouse");

    await().atMost(Duration.ofSeconds(60)).until(() -> !received.isEmpty());
    var payloads = verify(endpoint.path("secret").asString(), received);
    assertThat(payloads).hasSize(1);
    assertThat(payloads.getFirst().path("type").asString()).isEqualTo("video.completed");
    assertThat(payloads.getFirst().path("object").asString()).isEqualTo("event");
    assertThat(payloads.getFirst().path("data").path("id").asString()).isEqualTo(video);

    var log = api.get("/v1/webhook_endpoints/" + endpoint.path("id").asString() + "/deliveries");
    var delivery = log.json().path("data").get(0);
    assertThat(delivery.path("status").asString()).isEqualTo("delivered");
    assertThat(delivery.path("last_status_code").asInt()).isEqualTo(204);
    assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
  }

  @Test
  void aReceiverThatFailsFiveTimesGetsTheEventOnceItRecovers() throws Exception {
    failuresLeft.set(5);
    var api = user();
    var endpoint = register(api, "video.completed");
    var video = make(api, "A patient lighthouse");

    await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 6);
    var payloads = verify(endpoint.path("secret").asString(), received);
    assertThat(payloads)
        .allSatisfy(p -> assertThat(p.path("data").path("id").asString()).isEqualTo(video));
    var messageIds = received.stream()
        .map(m -> String.valueOf(((Map<?, ?>) m.get("headers")).get("webhook-id")))
        .distinct()
        .toList();
    assertThat(messageIds).as("the same message each time").hasSize(1);
    var id = endpoint.path("id").asString();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      var delivery = api.get("/v1/webhook_endpoints/" + id + "/deliveries")
          .json()
          .path("data")
          .get(0);
      assertThat(delivery.path("status").asString()).isEqualTo("delivered");
      assertThat(delivery.path("attempts").asInt()).isEqualTo(6);
    });
  }

  @Test
  void aRotatedSecretSignsAlongsideTheOldOneAndResendSendsAgain() throws Exception {
    var api = user();
    var endpoint = register(api, "video.completed");
    var id = endpoint.path("id").asString();
    make(api, "A lighthouse before rotation");
    await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 1);

    var rotated = api.postJson("/v1/webhook_endpoints/" + id + "/rotate_secret", Map.of());
    var secret = rotated.json().path("secret").asString();
    assertThat(secret).startsWith("whsec_").isNotEqualTo(endpoint.path("secret").asString());
    var delivery = api.get("/v1/webhook_endpoints/" + id + "/deliveries")
        .json()
        .path("data")
        .get(0)
        .path("id")
        .asString();
    assertThat(api.postJson("/v1/webhook_deliveries/" + delivery + "/resend", Map.of())
            .status())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
    var resent = List.of(received.get(1));
    assertThat(verify(secret, resent)).hasSize(1);
    assertThat(verify(endpoint.path("secret").asString(), resent))
        .as("old secret too")
        .hasSize(1);
  }

  @Test
  void creditsLowReachesTheEndpointsThatTakeIt() throws Exception {
    var user = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));
    var endpoint = register(api, "credits.low");
    var available = ledger.balance(user).available().value();
    ledger.adjust(user, Credits.of(21 - available), "test", "test"); // threshold 20, plus one
    make(api, "A lighthouse that costs the last credits");

    await().atMost(Duration.ofSeconds(60)).until(() -> !received.isEmpty());
    var payload = verify(endpoint.path("secret").asString(), received).getFirst();
    assertThat(payload.path("type").asString()).isEqualTo("credits.low");
    assertThat(payload.path("data").path("object").asString()).isEqualTo("credit_balance");
    assertThat(payload.path("data").path("threshold").asLong()).isEqualTo(20);
    assertThat(payload.path("data").path("available").asLong())
        .isEqualTo(ledger.balance(user).available().value())
        .isLessThan(20);
    var log = api.get("/v1/webhook_endpoints/" + endpoint.path("id").asString() + "/deliveries")
        .json()
        .path("data");
    assertThat(log.size()).isEqualTo(1);
    assertThat(log.get(0).path("type").asString()).isEqualTo("credits.low");
    assertThat(log.get(0).path("video_id").isNull()).isTrue();
  }

  @Test
  void endpointsOnPrivateOrLoopbackAddressesAreRefused() {
    var api = user();
    for (var url : List.of(
        "http://10.0.0.7/hook",
        "https://10.0.0.7/hook",
        "https://localhost/hook",
        "https://[::1]/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://100.64.0.1/hook",
        "ftp://127.0.0.1/hook",
        "not a url")) {
      var answer = api.postJson("/v1/webhook_endpoints", Map.of("url", url));
      assertThat(answer.status()).as(url).isEqualTo(400);
      assertThat(answer.json().path("error").path("param").asString()).isEqualTo("url");
    }
    assertThat(api.get("/v1/webhook_endpoints").json().path("data").size()).isZero();
  }

  private ApiClient user() {
    var user = TestAccounts.newUser(jdbc, "USER");
    return new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));
  }

  private JsonNode register(ApiClient api, String event) throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(Map.of(
          "headers",
          Map.of(
              "webhook-id", exchange.getRequestHeaders().getFirst("webhook-id"),
              "webhook-timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
              "webhook-signature", exchange.getRequestHeaders().getFirst("webhook-signature")),
          "body",
          body));
      exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 204, -1);
      exchange.close();
    });
    receiver.start();
    var url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    var answer =
        api.postJson("/v1/webhook_endpoints", Map.of("url", url, "events", List.of(event)));
    assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
    return answer.json();
  }

  private static String make(ApiClient api, String prompt) {
    var created = api.postJson(
        "/v1/videos",
        Map.of("model", "kinora-local", "prompt", prompt, "seconds", "2", "size", "480x480"));
    assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
    return created.json().path("id").asString();
  }

  private List<JsonNode> verify(String secret, List<Map<String, Object>> messages)
      throws Exception {
    return StandardWebhooksVerifier.verify(dir, secret, messages);
  }
}
