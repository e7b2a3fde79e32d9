package app.kinora.generation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.account.WebSession;
import app.kinora.billing.CreditLedger;
import app.kinora.generation.Attachment;
import app.kinora.generation.Generation;
import app.kinora.generation.Generations;
import app.kinora.generation.TestSpecs;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.shared.UserId;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The studio's chips offer only what the chosen model makes; a queued video knows its place in
 * line; and the card's progress stream carries the available credits for the header's balance.
 */
class StudioQueueIntegrationTest extends IntegrationTest {

  private static final String PASSWORD = "a long studio queue passphrase";

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PasswordEncoder passwords;

  @Autowired
  Generations generations;

  @Autowired
  QueueStandings standings;

  @Autowired
  CreditLedger ledger;

  @Autowired
  Scheduler scheduler;

  @Test
  void theChipsAreOnlyTheDurationsAndSizesTheChosenModelOffers() {
    var session = signedIn(newUser("chips"));
    for (var model : generations.models()) {
      var options = session.get("/generations/options?model=" + model.id());
      assertThat(options.status()).isEqualTo(200);
      assertThat(radios(options.body(), "seconds"))
          .as(model.id())
          .isEqualTo(model.secondsOffered().stream().map(String::valueOf).toList());
      // sizes come in rows of one aspect ratio each
      assertThat(radios(options.body(), "size"))
          .as(model.id())
          .containsExactlyInAnyOrderElementsOf(
              model.sizes().stream().map(Object::toString).toList());
      assertThat(checked(options.body(), "size")).isEqualTo(model.defaultSize().toString());
      assertThat(options.body())
          .doesNotContain("<select name=\"seconds\"", "<select name=\"size\"");
    }
    var few = generations.models().stream()
        .filter(m -> !m.allowedSeconds().isEmpty())
        .findFirst()
        .orElseThrow();
    var kept = few.secondsOffered().getLast();
    // a duration the model offers is kept; one it does not falls back to one it does
    assertThat(checked(
            session
                .get("/generations/options?model=" + few.id() + "&seconds=" + kept)
                .body(),
            "seconds"))
        .isEqualTo(String.valueOf(kept));
    assertThat(few.secondsOffered())
        .map(String::valueOf)
        .contains(checked(
            session
                .get("/generations/options?model=" + few.id() + "&seconds=999")
                .body(),
            "seconds"));

    var studio = session.get("/").body();
    assertThat(radios(studio, "model"))
        .isEqualTo(generations.models().stream().map(ModelDescriptor::id).toList());
    assertThat(studio).doesNotContain("<select name=\"model\"");
    assertThat(session.get("/generations/options?model=no-such-model").status()).isEqualTo(404);
  }

  @Test
  void withoutScriptTheFormAsksForTheChosenModelsChoicesAndKeepsThePrompt() {
    var session = signedIn(newUser("no-script"));
    var few = generations.models().stream()
        .filter(m -> !m.allowedSeconds().isEmpty())
        .findFirst()
        .orElseThrow();
    var studio = session.get("/");
    assertThat(studio.body()).contains("name=\"show_choices\"");
    var before = jdbc.sql("select count(*) from generations").query(Long.class).single();

    var page = session.post(
        "/generations",
        Map.of(
            "model", few.id(),
            "prompt", "Rain on a tin roof",
            "seconds", "999",
            "size", "1x1",
            "show_choices", "1"),
        studio.csrf());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.url()).contains("model=" + few.id()).doesNotContain("Rain");
    assertThat(checked(page.body(), "model")).isEqualTo(few.id());
    assertThat(radios(page.body(), "seconds"))
        .isEqualTo(few.secondsOffered().stream().map(String::valueOf).toList());
    assertThat(page.body()).contains(">Rain on a tin roof</textarea>");
    assertThat(jdbc.sql("select count(*) from generations").query(Long.class).single())
        .as("nothing asked for")
        .isEqualTo(before);
  }

  @Test
  void queuedVideosKnowTheirPlaceInLineWithFairQueueing() throws Exception {
    var first = newUser("line-a");
    var second = newUser("line-b");
    scheduler.pause(); // nothing starts: the three stay queued
    try {
      var a1 = submit(first, "A lighthouse at dusk");
      var a2 = submit(first, "A lighthouse at dawn");
      var b1 = submit(second, "A harbour in fog");

      int head = standings.place(a1).orElseThrow();
      // the second account's first video ranks before the first account's second one
      assertThat(standings.place(b1)).contains(head + 1);
      assertThat(standings.place(a2)).contains(head + 2);
      assertThat(QueueStandings.inLine(2)).isEqualTo("2nd in line");

      var lines = stream(signedIn(second), b1);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() ->
              lines.stream().anyMatch(line -> line.contains(QueueStandings.inLine(head + 1))));
      generations.cancel(first, a1.id());
      // a1 left the line: b1 moves up on the stream's next tick
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> lines.stream().anyMatch(line -> line.contains(QueueStandings.inLine(head))));
      assertThat(standings.place(a2)).contains(head + 1);
      generations.cancel(first, a2.id());
      generations.cancel(second, b1.id());
    } finally {
      scheduler.resume();
    }
  }

  @Test
  void theProgressStreamSendsTheBalanceAfterTheHoldAndAfterTheReleaseOnCancel() throws Exception {
    var user = newUser("balance");
    var session = signedIn(user);
    var before = ledger.balance(user).available();
    assertThat(session.get("/").body())
        .contains("id=\"header-balance-amount\">" + before + "</span>");
    scheduler.pause();
    try {
      var generation = submit(user, "A paper boat on a stream");
      var held = ledger.balance(user).available();
      assertThat(held).isLessThan(before);

      var lines = stream(session, generation);
      await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("data:" + held));
      assertThat(lines.indexOf("event:balance")).isEqualTo(lines.indexOf("data:" + held) - 1);

      var cancel = session.post(
          "/generations/" + generation.id().value() + "/cancel",
          Map.of(),
          session.get("/").csrf());
      assertThat(cancel.status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("event:done"));
      // the release arrives before the stream ends, as the header's new balance
      assertThat(lines).contains("data:" + before);
      assertThat(lines.lastIndexOf("data:" + before)).isLessThan(lines.indexOf("event:done"));
    } finally {
      scheduler.resume();
    }
  }

  private UserId newUser(String name) {
    return TestAccounts.newUser(
        jdbc, "USER", name + "-" + System.nanoTime() + "@kinora.test", passwords.encode(PASSWORD));
  }

  private WebSession signedIn(UserId user) {
    var email = jdbc.sql("select email from users where id = ?")
        .param(user.value())
        .query(String.class)
        .single();
    var session = new WebSession(baseUrl());
    session.post(
        "/login",
        Map.of("username", email, "password", PASSWORD),
        session.get("/login").csrf());
    return session;
  }

  private Generation submit(UserId user, String prompt) {
    return generations.submit(
        user, TestSpecs.of(null, prompt, "2", "480x480", 1L), Attachment.Files.NONE);
  }

  /** The lines of the generation's progress stream, as they arrive. */
  private List<String> stream(WebSession session, Generation generation) {
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread.ofVirtual().start(() -> {
      try {
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(
                        baseUrl() + "/generations/" + generation.id().value() + "/events"))
                    .header("Cookie", "__Host-kinora=" + session.cookie("__Host-kinora"))
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.ofLines())
            .body()
            .forEach(lines::add);
      } catch (Exception e) {
        lines.add("failed: " + e);
      }
    });
    return lines;
  }

  private static List<String> radios(String html, String name) {
    return Pattern.compile("type=\"radio\" name=\"" + name + "\" value=\"([^\"]+)\"")
        .matcher(html)
        .results()
        .map(match -> match.group(1))
        .toList();
  }

  private static String checked(String html, String name) {
    var checked = Pattern.compile("<input[^>]*type=\"radio\" name=\"" + name + "\"[^>]*>")
        .matcher(html)
        .results()
        .map(match -> match.group())
        .filter(input -> input.contains(" checked"))
        .toList();
    assertThat(checked).as("one " + name + " checked").hasSize(1);
    var value = Pattern.compile("value=\"([^\"]+)\"").matcher(checked.getFirst());
    assertThat(value.find()).isTrue();
    return value.group(1);
  }
}
