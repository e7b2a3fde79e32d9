package app.kinora.generation.internal;

import static app.kinora.billing.LedgerAssertions.assertLedgerReconciles;
import static app.kinora.billing.LedgerAssertions.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.TestSpecs;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second Kinora node, a real operating-system process on the same database, takes a generation
 * and is killed with SIGKILL in the middle of rendering it. This node notices the silence of its
 * heartbeat, runs the job again, and the credit hold ends exactly once.
 */
class NodeKilledIntegrationTest extends IntegrationTest {

  @Autowired
  Generations generations;

  @Autowired
  GenerationSteps repository;

  @Autowired
  CreditLedger ledger;

  @Autowired
  Scheduler scheduler;

  @Autowired
  DataSource dataSource;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aHoldEndsExactlyOnceWhenTheNodeRenderingItIsKilled() throws Exception {
    var user = TestAccounts.newUser(jdbc, "USER");
    var before = ledger.balance(user).balance();
    var other = startSecondNode((HikariDataSource) dataSource);
    GenerationId id;
    Credits quote;
    scheduler.pause(); // only the other node may take the job
    try {
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !other.isAlive() || other.output().contains("Started KinoraApplication"));
      assertThat(other.isAlive())
          .as("the second node started: %s", other.output())
          .isTrue();

      var generation = generations.submit(
          user,
          TestSpecs.of(null, "Night city in the rain, slow pan", "20", "1920x1080", null),
          Attachment.Files.NONE);
      id = generation.id();
      quote = ledger.balance(user).held();
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> repository.find(id).orElseThrow().progress() > 0);
      assertThat(repository.find(id).orElseThrow().status())
          .isEqualTo(GenerationStatus.IN_PROGRESS);
    } finally {
      other.process().destroyForcibly(); // SIGKILL: no shutdown hook, no last heartbeat, no release
      other.process().waitFor(30, TimeUnit.SECONDS);
      scheduler.resume();
    }
    assertThat(other.process().exitValue()).as("killed by signal 9").isEqualTo(128 + 9);
    assertThat(repository.find(id).orElseThrow().status()).isEqualTo(GenerationStatus.IN_PROGRESS);
    assertThat(ledger.balance(user).held()).isEqualTo(quote);

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> repository.find(id).orElseThrow().status() == GenerationStatus.COMPLETED);

    assertThat(jdbc.sql("select attempt from generations where id = ?")
            .param(id.value())
            .query(Integer.class)
            .single())
        .as("the killed node's attempt, then this node's")
        .isEqualTo(2);
    assertThat(count(jdbc, user, "hold")).isEqualTo(1);
    assertThat(count(jdbc, user, "capture")).isEqualTo(1);
    assertThat(count(jdbc, user, "release")).isZero();
    assertThat(ledger.balance(user).held()).isEqualTo(Credits.ZERO);
    assertThat(ledger.balance(user).balance()).isEqualTo(before.minus(quote));
    assertLedgerReconciles(jdbc);
  }

  /** This test JVM's classes and libraries, run as another process on this node's database. */
  private static Node startSecondNode(HikariDataSource hikari) throws Exception {
    var dataDir = Path.of("target", "test-data", "killed-" + UUID.randomUUID());
    Files.createDirectories(dataDir);
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(
        java,
        "--enable-native-access=ALL-UNNAMED",
        "-Xmx512m",
        "-cp",
        System.getProperty("java.class.path"),
        "app.kinora.KinoraApplication",
        "--server.port=0",
        "--spring.datasource.url=" + hikari.getJdbcUrl(),
        "--spring.datasource.username=" + hikari.getUsername(),
        "--spring.datasource.password="
            + (hikari.getPassword() == null ? "" : hikari.getPassword()),
        "--kinora.data-dir=" + dataDir,
        "--spring.main.banner-mode=off"));
    var log = dataDir.resolve("node.log");
    var process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    return new Node(process, log);
  }

  private record Node(Process process, Path log) {

    boolean isAlive() {
      return process.isAlive();
    }

    String output() {
      try {
        return Files.readString(log);
      } catch (java.io.IOException e) {
        return "";
      }
    }
  }
}
