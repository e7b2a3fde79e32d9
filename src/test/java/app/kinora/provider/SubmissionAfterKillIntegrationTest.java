package app.kinora.provider;

import static app.kinora.billing.LedgerAssertions.assertLedgerReconciles;
import static app.kinora.billing.LedgerAssertions.count;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.KinoraProcess;
import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.TestSpecs;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node, a real operating-system process, sends a submission the platform takes, and is killed
 * with SIGKILL before the answer (the job's id) reaches it. This node revives the generation: it
 * must not submit again (the platform would make and bill a second video). The OpenAI-shaped
 * gateway offers no way to look a lost submission up, so the attempt ends refunded, and the
 * platform saw exactly one submission.
 */
class SubmissionAfterKillIntegrationTest extends IntegrationTest {

  @RegisterExtension
  static WireMockExtension gateway = WireMockExtension.newInstance()
      .options(wireMockConfig().port(GATEWAY_PORT))
      .build();

  @Autowired
  Generations generations;

  @Autowired
  CreditLedger ledger;

  @Autowired
  Scheduler scheduler;

  @Autowired
  DataSource dataSource;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Providers providers;

  @Autowired
  Resilience resilience;

  @Test
  void aNodeKilledWhileThePlatformAnsweredSubmitsNothingTwice() throws Exception {
    resilience.forgetRecentCalls();
    // the platform takes the job, but its answer is slower than the node's life
    gateway.stubFor(post("/v1/videos")
        .willReturn(okJson("{\"id\":\"video_taken\",\"object\":\"video\",\"status\":\"queued\"}")
            .withFixedDelay(120_000)));
    var user = TestAccounts.newUser(jdbc, "USER");
    var before = ledger.balance(user).balance();
    var submissions = postRequestedFor(urlEqualTo("/v1/videos")).build();
    KinoraProcess node = null;
    scheduler.pause(); // only the other node may take the job
    try {
      node = KinoraProcess.start(
          dataSource,
          Map.of(
              "kinora.provider.openai-gateway.name", "Test gateway",
              "kinora.provider.openai-gateway.base-url", "http://127.0.0.1:" + GATEWAY_PORT + "/v1",
              "kinora.provider.models.gateway-sora.routes[0]", "openai-gateway:sora-2",
              "kinora.jobs.heartbeat-interval", "1s",
              "kinora.jobs.missed-heartbeats", "4"));
      var generation = generations.submit(
          user,
          TestSpecs.of("gateway-sora", "A harbour at dawn", "4", "1280x720", null),
          Attachment.Files.NONE);
      await("the platform has the submission")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> gateway.countRequestsMatching(submissions).getCount() == 1);

      assertThat(node.kill()).as("killed by signal 9").isEqualTo(128 + 9);
      scheduler.resume();

      await("this node revives the generation")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200))
          .until(() ->
              generations.find(user, generation.id()).orElseThrow().status().isTerminal());

      var ended = generations.find(user, generation.id()).orElseThrow();
      assertThat(ended.status()).isEqualTo(GenerationStatus.FAILED);
      assertThat(ended.failureIfAny())
          .hasValueSatisfying(failure -> assertThat(failure.code()).isEqualTo("unconfirmed"));
      assertThat(gateway.countRequestsMatching(submissions).getCount())
          .as("the platform got the submission once, never again after the revival")
          .isEqualTo(1);
      assertThat(providers.transfers(generation.id().value()))
          .extracting(Transfer::outcome)
          .containsExactly("unconfirmed");
      assertThat(count(jdbc, user, "hold")).isEqualTo(1);
      assertThat(count(jdbc, user, "release")).isEqualTo(1);
      assertThat(count(jdbc, user, "capture")).isZero();
      assertThat(ledger.balance(user).held()).isEqualTo(Credits.ZERO);
      assertThat(ledger.balance(user).balance()).isEqualTo(before);
      assertLedgerReconciles(jdbc);
    } finally {
      scheduler.resume();
      if (node != null && node.process().isAlive()) {
        node.kill();
      }
    }
  }
}
