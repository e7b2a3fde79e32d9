package app.kinora.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.altcha.altcha.Altcha;
import tools.jackson.databind.json.JsonMapper;

/**
 * Does in Java what the browser's ALTCHA widget does: takes the challenge JSON the server hands out,
 * tries numbers until one hashes to it, and returns the payload the widget would put in the form's
 * {@code altcha} field. Real work, so the server's check is exercised as a browser meets it.
 */
public final class ProofOfWorkSolver {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProofOfWorkSolver() {}

  /** The base64 payload that answers this challenge. */
  public static String solve(String challengeJson) {
    var challenge = JSON.readTree(challengeJson);
    var algorithm = challenge.path("algorithm").asString();
    var salt = challenge.path("salt").asString();
    var hash = challenge.path("challenge").asString();
    try {
      var solution = Altcha.solveChallenge(
          hash,
          salt,
          Altcha.Algorithm.fromString(algorithm),
          challenge.path("maxnumber").longValue(),
          0);
      if (solution == null) {
        throw new AssertionError("no number up to maxnumber solves " + challengeJson);
      }
      var payload = JSON.createObjectNode()
          .put("algorithm", algorithm)
          .put("challenge", hash)
          .put("number", solution.number)
          .put("salt", salt)
          .put("signature", challenge.path("signature").asString());
      return Base64.getEncoder()
          .encodeToString(JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
