package app.kinora.account.internal;

import app.kinora.account.AccountProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.altcha.altcha.Altcha;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ALTCHA's proof of work (its v1 scheme, built with its Java library): a challenge is the SHA-256
 * of a random salt (carrying its expiry) and a secret number, signed with an HMAC whose key all
 * nodes share; the browser finds the number by trying them, and sends it back with the challenge
 * for this class to check. No third party takes part. A solved challenge opens one form: it is
 * spent in {@code account_proofs_spent}, so a replay is refused on every node.
 */
@Component
class ProofOfWork {

  /** What the widget fetches: ALTCHA's challenge, as JSON. */
  record Challenge(
      String algorithm, String challenge, long maxnumber, String salt, String signature) {}

  static final String FIELD = "altcha";
  private static final String ALGORITHM = "SHA-256";
  private static final int LONGEST_PAYLOAD = 2048;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AccountProperties.ProofOfWork settings;
  private final SigningKeys keys;
  private final JdbcClient jdbc;
  private final MeterRegistry meters;
  private final Clock clock = Clock.systemUTC();

  ProofOfWork(
      AccountProperties properties, SigningKeys keys, JdbcClient jdbc, MeterRegistry meters) {
    this.settings = properties.proofOfWork();
    this.keys = keys;
    this.jdbc = jdbc;
    this.meters = meters;
  }

  boolean enabled() {
    return settings.enabled();
  }

  Challenge challenge() {
    try {
      var made = Altcha.createChallenge(new Altcha.ChallengeOptions()
          .setAlgorithm(Altcha.Algorithm.SHA256)
          .setMaxNumber(settings.complexity())
          .setSecureRandomNumber(true)
          .setHmacKey(hmacKey())
          .setExpires(clock.instant().plus(settings.validity()).getEpochSecond()));
      return new Challenge(
          made.algorithm, made.challenge, made.maxnumber, made.salt, made.signature);
    } catch (Exception e) {
      throw new IllegalStateException("could not make a proof-of-work challenge", e);
    }
  }

  /**
   * Takes the solution sent with a form (the widget's base64 payload), once.
   *
   * @throws SignUpRejected when it is missing, wrong, expired or already used
   */
  void spend(String payload) {
    if (!settings.enabled()) {
      return;
    }
    var solution = read(payload);
    var expires = expiry(solution.salt);
    if (expires.isBefore(clock.instant())) {
      throw refused(
          "expired",
          "The check on this page ran out of time. Please send the form again: your browser will redo it.");
    }
    if (!signedByUs(solution)) {
      throw unfinished("invalid");
    }
    jdbc.sql("delete from account_proofs_spent where expires_at < ?")
        .param(Timestamp.from(clock.instant()))
        .update();
    var spent = jdbc.sql(
            "insert into account_proofs_spent (challenge, expires_at) values (?, ?) on conflict do nothing")
        .params(solution.challenge, Timestamp.from(expires))
        .update();
    if (spent == 0) {
      throw refused(
          "replayed",
          "This check was already used for another form. Please send the form again: your browser will do a new one.");
    }
  }

  private record Solution(String challenge, long number, String salt, String signature) {}

  private Solution read(String payload) {
    if (payload == null || payload.isBlank()) {
      throw unfinished("missing");
    }
    if (payload.length() > LONGEST_PAYLOAD) {
      throw unfinished("invalid");
    }
    try {
      var node = JSON.readTree(Base64.getDecoder().decode(payload.strip()));
      if (!ALGORITHM.equals(text(node, "algorithm"))
          || !node.path("number").isIntegralNumber()
          || !node.path("number").canConvertToLong()) {
        throw unfinished("invalid");
      }
      return new Solution(
          text(node, "challenge"),
          node.path("number").longValue(),
          text(node, "salt"),
          text(node, "signature"));
    } catch (IllegalArgumentException | JacksonException e) {
      throw unfinished("invalid");
    }
  }

  private static String text(JsonNode node, String field) {
    var value = node.path(field);
    if (!value.isString()) {
      throw new IllegalArgumentException("no " + field);
    }
    return value.asString();
  }

  /** The expiry our challenges carry in their salt ({@code …?expires=<epoch seconds>}). */
  private Instant expiry(String salt) {
    try {
      var expires = Altcha.extractParams(salt).get("expires");
      if (expires == null) {
        throw unfinished("invalid");
      }
      return Instant.ofEpochSecond(Long.parseLong(expires));
    } catch (SignUpRejected e) {
      throw e;
    } catch (Exception e) {
      throw unfinished("invalid");
    }
  }

  /**
   * Whether the number solves the challenge and the challenge is ours: the same computation as
   * the library's {@code verifySolution}, but compared in constant time.
   */
  private boolean signedByUs(Solution solution) {
    try {
      var expected = Altcha.createChallenge(new Altcha.ChallengeOptions()
          .setAlgorithm(Altcha.Algorithm.SHA256)
          .setHmacKey(hmacKey())
          .setNumber(solution.number)
          .setSalt(solution.salt));
      return same(expected.challenge, solution.challenge)
          & same(expected.signature, solution.signature);
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean same(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private String hmacKey() {
    return HexFormat.of().formatHex(keys.key("proof-of-work"));
  }

  private SignUpRejected unfinished(String reason) {
    return refused(
        reason,
        "Your browser has not finished the short check that keeps automated sign-ups out. Please wait a moment and send the form again.");
  }

  private SignUpRejected refused(String reason, String message) {
    meters.counter("kinora.proof-of-work.refused", "reason", reason).increment();
    return new SignUpRejected(FIELD, message);
  }
}
