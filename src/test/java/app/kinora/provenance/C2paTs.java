package app.kinora.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs c2pa-ts — a C2PA implementation in TypeScript written independently of Kinora, installed by
 * the build from npm (pinned in {@code src/test/c2pa-ts/package-lock.json}) — on a file, and gives
 * back what it reports (see {@code src/test/c2pa-ts/check.mjs}).
 */
public final class C2paTs {

  private static final Path TOOL = Path.of("src/test/c2pa-ts");

  private C2paTs() {}

  public static Report check(Path file) {
    if (!Files.isDirectory(TOOL.resolve("node_modules/@trustnxt/c2pa-ts"))) {
      throw new IllegalStateException(
          "c2pa-ts is not installed: the build runs npm ci in " + TOOL + " (mvn test-compile)");
    }
    try {
      var process = new ProcessBuilder(
              List.of("node", "check.mjs", file.toAbsolutePath().toString()))
          .directory(TOOL.toFile())
          .redirectErrorStream(true)
          .start();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("c2pa-ts failed: " + output);
      }
      var lines = output.strip().lines().toList();
      return new Report(JsonMapper.builder().build().readTree(lines.getLast()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Has c2pa-ts sign a JPEG or PNG (see {@code sign-picture.mjs}) with an ES256 key (PKCS#8) and its
   * certificates (DER, the signing one first).
   */
  public static void signPicture(
      Path input, Path output, byte[] pkcs8Key, List<byte[]> certificates) {
    try {
      var dir = Files.createTempDirectory("c2pa-ts-keys");
      var arguments = new java.util.ArrayList<>(List.of(
          "node",
          "sign-picture.mjs",
          input.toAbsolutePath().toString(),
          output.toAbsolutePath().toString(),
          Files.write(dir.resolve("key.der"), pkcs8Key).toString()));
      for (int i = 0; i < certificates.size(); i++) {
        arguments.add(Files.write(dir.resolve(i + ".der"), certificates.get(i)).toString());
      }
      var process = new ProcessBuilder(arguments)
          .directory(TOOL.toFile())
          .redirectErrorStream(true)
          .start();
      var log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("c2pa-ts could not sign: " + log);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What c2pa-ts said. */
  public record Report(JsonNode json) {

    public boolean hasManifest() {
      return json.path("manifest").asBoolean(false);
    }

    public boolean valid() {
      return json.path("valid").asBoolean(false);
    }

    public List<String> successCodes() {
      return codes(true);
    }

    public List<String> failureCodes() {
      return codes(false);
    }

    private List<String> codes(boolean success) {
      return json.path("codes")
          .valueStream()
          .filter(code -> code.path("success").asBoolean(false) == success)
          .map(code -> code.path("code").asString())
          .toList();
    }

    public List<String> actions() {
      return json.path("actions")
          .valueStream()
          .map(a -> a.path("action").asString())
          .toList();
    }

    public List<String> sourceTypes() {
      return json.path("actions")
          .valueStream()
          .map(a -> a.path("digitalSourceType").asString(""))
          .filter(type -> !type.isEmpty())
          .toList();
    }

    public List<JsonNode> ingredients() {
      return json.path("ingredients").valueStream().toList();
    }

    public List<String> manifests() {
      return json.path("manifests").valueStream().map(JsonNode::asString).toList();
    }

    @Override
    public String toString() {
      return json.toString();
    }
  }
}
