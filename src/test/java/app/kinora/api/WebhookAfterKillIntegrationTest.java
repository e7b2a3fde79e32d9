package app.kinora.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.KinoraProcess;
import app.kinora.TestAccounts;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node is killed with SIGKILL after the video it made is completed and before its webhook went
 * out: the receiver is not listening yet, so whatever stage the node had reached — the event not
 * yet turned into a delivery (the node dies the moment the video completes), or a delivery written
 * and its first attempt refused — no event has reached it. The node is started again on the same database, the receiver now
 * answers, and it gets {@code video.completed} exactly once, signed as the standardwebhooks
 * library checks.
 */
class WebhookAfterKillIntegrationTest extends IntegrationTest {

  /** Many short pauses: the delivery is never given up while the node is down and restarting. */
  private static final Map<String, String> NODE_SETTINGS = Map.of(
      "kinora.api.webhooks.allowed-hosts", "127.0.0.1",
      "kinora.api.webhooks.retry-delays", String.join(",", Collections.nCopies(40, "2s")),
      "kinora.api.webhooks.timeout", "3s",
      "kinora.jobs.heartbeat-interval", "1s",
      "kinora.jobs.missed-heartbeats", "4");

  @Autowired
  JdbcClient jdbc;

  @Autowired
  DataSource dataSource;

  @Autowired
  Scheduler scheduler;

  @TempDir
  Path dir;

  /** Where the node is when it dies. */
  enum KillPoint {
    /** as soon as the video is completed: its end is usually not yet a delivery */
    ON_COMPLETION,
    /** once the delivery was written and its first attempt found no receiver */
    AFTER_A_REFUSED_ATTEMPT
  }

  @ParameterizedTest
  @EnumSource(KillPoint.class)
  void aNodeKilledBetweenCompletionAndDeliveryDeliversOnceWhenItComesBack(KillPoint killPoint)
      throws Exception {
    var user = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));
    int port = freePort(); // nothing listens here until the node is dead
    var registered = api.postJson(
        "/v1/webhook_endpoints",
        Map.of("url", "http://127.0.0.1:" + port + "/hook", "events", List.of("video.completed")));
    assertThat(registered.status()).as(registered.json().toString()).isEqualTo(200);
    var endpoint = registered.json().path("id").asString();
    var secret = registered.json().path("secret").asString();

    List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = null;
    KinoraProcess node = null;
    KinoraProcess restarted = null;
    scheduler.pause(); // the generation and its delivery are the other node's alone
    try {
      node = KinoraProcess.start(dataSource, NODE_SETTINGS);
      var created = api.postJson(
          "/v1/videos",
          Map.of(
              "model", "kinora-local",
              "prompt", "A lighthouse that outlives its keeper",
              "seconds", "2",
              "size", "480x480"));
      assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
      var video = created.json().path("id").asString();
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> "completed"
              .equals(api.get("/v1/videos/" + video).json().path("status").asString()));
      if (killPoint == KillPoint.AFTER_A_REFUSED_ATTEMPT) {
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> attempts(api, endpoint) > 0);
      }
      assertThat(node.kill()).as("killed by signal 9").isEqualTo(128 + 9);

      var before = deliveries(api, endpoint);
      assertThat(before).as("nothing delivered before the kill").doesNotContain("delivered");
      if (killPoint == KillPoint.AFTER_A_REFUSED_ATTEMPT) {
        assertThat(before).containsExactly("pending");
      }
      System.out.println(killPoint + ": killed with the event's deliveries at " + before);

      receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      receiver.createContext("/hook", exchange -> {
        var headers = exchange.getRequestHeaders();
        received.add(Map.of(
            "headers",
            Map.of(
                "webhook-id", headers.getFirst("webhook-id"),
                "webhook-timestamp", headers.getFirst("webhook-timestamp"),
                "webhook-signature", headers.getFirst("webhook-signature")),
            "body",
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
      });
      receiver.start();
      restarted = KinoraProcess.start(dataSource, NODE_SETTINGS);

      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> deliveries(api, endpoint).equals(List.of("delivered")));
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> jobsLeftFor(endpoint) == 0);

      assertThat(received).as("delivered once").hasSize(1);
      var payload = StandardWebhooksVerifier.verify(dir, secret, received).getFirst();
      assertThat(payload.path("type").asString()).isEqualTo("video.completed");
      assertThat(payload.path("data").path("id").asString()).isEqualTo(video);
      assertThat(jdbc.sql("""
              select count(*) from event_publication
               where listener_id = 'api.webhooks.generation-completed'
                 and completion_date is null and serialized_event like ?""")
              .param("%" + video.substring("video_".length()) + "%")
              .query(Long.class)
              .single())
          .as("no notice of the video's end left to handle")
          .isZero();
    } finally {
      if (node != null && node.process().isAlive()) {
        node.kill();
      }
      if (restarted != null) {
        restarted.kill();
      }
      if (receiver != null) {
        receiver.stop(0);
      }
      scheduler.resume();
    }
  }

  /** The statuses in the endpoint's delivery log. */
  private static List<String> deliveries(ApiClient api, String endpoint) {
    var log =
        api.get("/v1/webhook_endpoints/" + endpoint + "/deliveries").json().path("data");
    return log.valueStream().map(d -> d.path("status").asString()).toList();
  }

  private static int attempts(ApiClient api, String endpoint) {
    var log =
        api.get("/v1/webhook_endpoints/" + endpoint + "/deliveries").json().path("data");
    return log.isEmpty() ? 0 : log.get(0).path("attempts").asInt();
  }

  /** Delivery jobs still scheduled for the endpoint's deliveries. */
  private long jobsLeftFor(String endpoint) {
    return jdbc.sql("""
            select count(*) from scheduled_tasks t join webhook_deliveries d
              on t.task_instance like d.id || '-%'
             where t.task_name = 'webhook-delivery' and d.endpoint_id = ?""")
        .param(java.util.UUID.fromString(endpoint
            .substring("we_".length())
            .replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")))
        .query(Long.class)
        .single();
  }

  private static int freePort() throws java.io.IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
