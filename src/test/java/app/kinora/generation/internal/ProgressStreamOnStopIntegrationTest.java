package app.kinora.generation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.OtherNode;
import app.kinora.TestAccounts;
import app.kinora.account.WebSession;
import app.kinora.generation.Attachment;
import app.kinora.generation.Generations;
import app.kinora.generation.TestSpecs;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A web node that stops ends the progress streams it holds with a retry hint, so that browsers
 * reconnect (through the load balancer) to another node, instead of holding the node's shutdown
 * open or leaving the page without progress.
 */
class ProgressStreamOnStopIntegrationTest extends IntegrationTest {

  @Autowired
  DataSource dataSource;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PasswordEncoder passwords;

  @Autowired
  Generations generations;

  @Autowired
  Scheduler scheduler;

  @Test
  void aStoppingNodeEndsItsProgressStreamsWithARetryHint() throws Exception {
    var email = "sse-" + System.nanoTime() + "@kinora.test";
    var user = TestAccounts.newUser(jdbc, "USER", email, passwords.encode("stream passphrase 1"));
    scheduler.pause(); // the generation stays queued: its stream stays open
    try {
      var node = OtherNode.start(dataSource, Map.of("kinora.node.roles", "web"));
      var base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
      var session = new WebSession(base);
      session.post(
          "/login",
          Map.of("username", email, "password", "stream passphrase 1"),
          session.get("/login").csrf());
      var generation = generations.submit(
          user,
          TestSpecs.of(null, "Fireflies in a forest", "2", "480x480", 1L),
          Attachment.Files.NONE);

      List<String> lines = new CopyOnWriteArrayList<>();
      var reader = Thread.ofVirtual().start(() -> {
        try {
          var stream = HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(base + "/generations/" + generation.id().value() + "/events"))
                      .header("Cookie", "__Host-kinora=" + session.cookie("__Host-kinora"))
                      .header("Accept", "text/event-stream")
                      .build(),
                  HttpResponse.BodyHandlers.ofLines());
          stream.body().forEach(lines::add);
        } catch (Exception e) {
          lines.add("failed: " + e);
        }
      });
      await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("event:progress"));

      node.close(); // SIGTERM's way: the context closes

      reader.join(Duration.ofSeconds(30));
      assertThat(reader.isAlive()).as("the stream ended with the node").isFalse();
      assertThat(lines).contains("retry:1000").doesNotContain("event:done");
    } finally {
      scheduler.resume();
    }
  }
}
