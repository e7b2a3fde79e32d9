package app.kinora.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.hostile.Caller.Answer;
import app.kinora.hostile.Caller.Identity;
import app.kinora.shared.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route Kinora maps, sent malformed variants of its request as anonymous, user, operator
 * and API key (see {@link Probes}): none may answer a server error, {@code /v1} errors come in
 * OpenAI's shape, pages' errors as pages, and a refused request stores nothing. The variants are
 * drawn from a fixed seed ({@code -Dkinora.hostile.seed=…} draws others, {@code
 * -Dkinora.hostile.rounds=…} sends more of them).
 */
class NoServerErrorIntegrationTest extends IntegrationTest {

  private static final long SEED = Long.getLong("kinora.hostile.seed", 19);
  private static final int ROUNDS = Integer.getInteger("kinora.hostile.rounds", 1);
  private static final String PASSWORD = "harness passphrase 19";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired
  ApplicationContext context;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PasswordEncoder passwords;

  @Autowired
  Generations generations;

  @Autowired
  CreditLedger ledger;

  @Value("${kinora.media.storage-dir}")
  Path storage;

  private Caller caller;
  private UserId user;
  private UserId operator;
  private Map<String, List<String>> ownPathValues;
  private final AtomicInteger sent = new AtomicInteger();

  @TestFactory
  Stream<DynamicTest> noRouteAnswersAServerErrorToMalformedInput() {
    var routes = Routes.of(context);
    assertThat(routes)
        .extracting(Route::toString)
        .contains("POST /v1/videos", "GET /library/{id}", "GET /credits");
    user =
        TestAccounts.newUser(jdbc, "USER", "harness-user@kinora.test", passwords.encode(PASSWORD));
    operator = TestAccounts.newUser(
        jdbc, "ADMIN", "harness-operator@kinora.test", passwords.encode(PASSWORD));
    var apiKey = TestAccounts.apiKey(jdbc, user);
    for (var owner : List.of(
        user, operator)) { // a refusal for credits must not hide what comes after the price check
      ledger.grant(owner, Credits.of(1_000_000), "the harness's videos", "operator:test");
    }
    var own = new ApiClient(baseUrl(), apiKey)
        .postJson(
            "/v1/videos",
            Map.of("prompt", "The harness's own video", "seconds", "2", "size", "480x480"));
    var ownId = own.json().path("id").asString();
    generations.cancel(user, GenerationId.fromApiId(ownId));
    ownPathValues = Map.of(
        "id", List.of(GenerationId.fromApiId(ownId).value().toString()), "videoId", List.of(ownId));
    caller = new Caller(
        baseUrl(),
        new String[] {"harness-user@kinora.test", PASSWORD},
        new String[] {"harness-operator@kinora.test", PASSWORD},
        apiKey);
    var started = System.nanoTime();
    return Stream.concat(
        routes.stream().map(route -> DynamicTest.dynamicTest(route.toString(), () -> probe(route))),
        Stream.of(DynamicTest.dynamicTest("plausible requests got through to the handlers", () -> {
          System.out.printf(
              "no-5xx harness: %d routes, %d requests in %d s (seed %d)%n",
              routes.size(), sent.get(), (System.nanoTime() - started) / 1_000_000_000, SEED);
          assertThat(generationsOf(user))
              .as("videos asked for through the API and the studio")
              .isGreaterThan(1);
          assertThat(generationsOf(operator))
              .as("videos the operator asked for in the studio")
              .isPositive();
        })));
  }

  private long generationsOf(UserId owner) {
    return jdbc.sql("select count(*) from generations where user_id = ?")
        .param(owner.value())
        .query(Long.class)
        .single();
  }

  private void probe(Route route) {
    var failures = new ArrayList<String>();
    for (var identity : route.api()
        ? List.of(Identity.ANONYMOUS, Identity.API_KEY)
        : List.of(Identity.ANONYMOUS, Identity.USER, Identity.OPERATOR)) {
      var random = new Random(SEED * 31 + (route + " as " + identity).hashCode());
      for (int round = 0; round < ROUNDS; round++) {
        for (var probe : new Probes(route, random, ownPathValues).all()) {
          var before = stored();
          var answer = caller.send(identity, probe);
          sent.incrementAndGet();
          if (route.post() && answer.status() < 400) {
            stopGenerations(); // an accepted video is stopped at once: the harness is about
            // answers, not renders
          }
          verdict(route, probe, answer, before)
              .ifPresent(problem -> failures.add("%s as %s: %s → %d %s %s"
                  .formatted(
                      problem,
                      identity,
                      probe,
                      answer.status(),
                      answer.contentType(),
                      excerpt(answer))));
        }
      }
    }
    stopGenerations();
    assertThat(failures).as("answers of %s", route).isEmpty();
  }

  private java.util.Optional<String> verdict(
      Route route, Probe probe, Answer answer, Stored before) {
    if (answer.status() >= 500) {
      return java.util.Optional.of("server error");
    }
    if (answer.status() < 400) {
      return java.util.Optional.empty();
    }
    if (route.api() && !isOpenAiError(answer)) {
      return java.util.Optional.of("not an OpenAI error");
    }
    if (!route.api()
        && !route.machine()
        && !probe.accept().contains("json")
        && !answer.contentType().startsWith("text/html")) {
      return java.util.Optional.of("not a page");
    }
    var after = stored();
    return after.equals(before)
        ? java.util.Optional.empty()
        : java.util.Optional.of("refused but stored " + before + " → " + after);
  }

  private static boolean isOpenAiError(Answer answer) {
    if (!answer.contentType().startsWith("application/json")) {
      return false;
    }
    JsonNode error = JSON.readTree(answer.body()).path("error");
    return error.path("message").isString()
        && !error.path("message").asString().isBlank()
        && error.path("type").isString()
        && error.path("code").isString()
        && error.has("param");
  }

  /** What a request could leave behind: accounts, generations, uploads with their files, API keys. */
  private record Stored(long users, long generations, long uploads, long apiKeys, long files) {}

  private Stored stored() {
    var rows = jdbc.sql("""
            select (select count(*) from users), (select count(*) from generations),
                   (select count(*) from media_uploads), (select count(*) from api_keys)""")
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
        .single();
    return new Stored(rows[0], rows[1], rows[2], rows[3], files(storage.resolve("uploads")));
  }

  private static long files(Path directory) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (var listing = Files.list(directory)) {
      return listing.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Stops the videos the probes asked for. */
  private void stopGenerations() {
    for (var owner : List.of(user, operator)) {
      generations.recent(owner, 100).stream()
          .filter(g -> !g.status().isTerminal())
          .forEach(g -> generations.cancel(owner, g.id()));
    }
  }

  private static String excerpt(Answer answer) {
    var text = answer.text().replaceAll("\\s+", " ");
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
