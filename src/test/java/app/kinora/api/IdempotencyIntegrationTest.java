package app.kinora.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code Idempotency-Key} on creating POSTs: one video and one hold per key, whatever arrives at once. */
class IdempotencyIntegrationTest extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void fiftyConcurrentCreatesWithOneKeyMakeOneVideoWithOneHoldAndGetOneAnswer() throws Exception {
    var user = TestAccounts.newUser(jdbc, "USER");
    var key = TestAccounts.apiKey(jdbc, user);
    var idempotencyKey = "key-" + UUID.randomUUID();
    var body = """
        {"model":"kinora-local","prompt":"Fifty taps, one video","seconds":"2","size":"480x480"}""";
    var start = new CountDownLatch(1);
    var answers = new ArrayList<Future<HttpResponse<String>>>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return http.send(create(key, idempotencyKey, body), HttpResponse.BodyHandlers.ofString());
        }));
      }
      start.countDown();
    }

    var first = answers.getFirst().get();
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    for (var answer : answers) {
      assertThat(answer.get().statusCode()).isEqualTo(200);
      assertThat(answer.get().body()).isEqualTo(first.body());
    }
    assertThat(jdbc.sql("select count(*) from generations where user_id = ?")
            .param(user.value())
            .query(Long.class)
            .single())
        .isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from credit_entries where user_id = ? and kind = 'hold'")
            .param(user.value())
            .query(Long.class)
            .single())
        .isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherRequestIsRefusedAndAFailedRequestLeavesTheKeyFree() throws Exception {
    var user = TestAccounts.newUser(jdbc, "USER");
    var key = TestAccounts.apiKey(jdbc, user);
    var idempotencyKey = "key-" + UUID.randomUUID();

    var refused = http.send(
        create(
            key,
            idempotencyKey,
            "{\"model\":\"kinora-local\",\"prompt\":\"x\",\"seconds\":\"999\"}"),
        HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(400);

    var body =
        "{\"model\":\"kinora-local\",\"prompt\":\"Second try\",\"seconds\":\"2\",\"size\":\"480x480\"}";
    var accepted =
        http.send(create(key, idempotencyKey, body), HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    var replayed =
        http.send(create(key, idempotencyKey, body), HttpResponse.BodyHandlers.ofString());
    assertThat(replayed.body()).isEqualTo(accepted.body());
    assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");

    var other = http.send(
        create(key, idempotencyKey, body.replace("Second try", "Another video")),
        HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.body()).contains("idempotency_key_reused");
  }

  private HttpRequest create(String apiKey, String idempotencyKey, String json) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/videos"))
        .timeout(Duration.ofSeconds(90))
        .header("Authorization", "Bearer " + apiKey)
        .header("Idempotency-Key", idempotencyKey)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }
}
