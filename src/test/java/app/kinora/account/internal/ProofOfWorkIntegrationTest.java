package app.kinora.account.internal;

import static app.kinora.account.internal.SignUpIntegrationTest.form;
import static app.kinora.account.internal.SignUpIntegrationTest.yearsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.DatabaseScan;
import app.kinora.IntegrationTest;
import app.kinora.account.Mailbox;
import app.kinora.account.ProofOfWorkSolver;
import app.kinora.account.WebSession;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * ALTCHA's proof of work on sign-up and password reset, with challenges from the server solved by
 * {@link ProofOfWorkSolver} as the browser's widget solves them.
 */
class ProofOfWorkIntegrationTest extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired
  JdbcClient jdbc;

  @Test
  void theSignUpPageCarriesTheWidgetAndTheChallengeIsFreshAndNotCached() {
    var session = new WebSession(baseUrl());
    assertThat(session.get("/signup").body())
        .contains("<altcha-widget", "challengeurl=\"/proof-of-work\"", "/js/altcha/altcha.js");
    assertThat(session.get("/password-reset").body()).contains("<altcha-widget");

    var first = JSON.readTree(session.get("/proof-of-work").body());
    var second = JSON.readTree(session.get("/proof-of-work").body());
    assertThat(first.path("algorithm").asString()).isEqualTo("SHA-256");
    assertThat(first.path("maxnumber").longValue()).isEqualTo(100_000);
    assertThat(first.path("salt").asString()).contains("?expires=");
    assertThat(first.path("challenge").asString())
        .isNotEqualTo(second.path("challenge").asString());
  }

  @Test
  void aSignUpWithoutASolutionIsRefusedInPlainWordsAndCreatesNothing() {
    var before = DatabaseScan.rowCounts(jdbc);
    var missing = signUp(new WebSession(baseUrl()), "no.proof@kinora.test", "");
    var garbage = signUp(new WebSession(baseUrl()), "no.proof@kinora.test", "bm90IGEgcHJvb2Y=");

    for (var page : java.util.List.of(missing, garbage)) {
      assertThat(page.status()).isEqualTo(400);
      assertThat(page.body())
          .contains("Your browser has not finished the short check that keeps automated sign-ups"
              + " out. Please wait a moment and send the form again.")
          .contains("value=\"no.proof@kinora.test\"");
    }
    assertThat(DatabaseScan.rowCounts(jdbc).get("users")).isEqualTo(before.get("users"));
    assertThat(DatabaseScan.tablesContaining(jdbc, "no.proof@kinora.test")).isEmpty();
    assertThat(Mailbox.messagesTo("no.proof@kinora.test")).isEmpty();
  }

  @Test
  void aWrongNumberOrAChallengeSignedWithAnotherKeyIsRefused() throws Exception {
    var session = new WebSession(baseUrl());
    var challenge = JSON.readTree(session.get("/proof-of-work").body());
    var wrongNumber = payload(
        challenge.path("challenge").asString(),
        challenge.path("salt").asString(),
        challenge.path("maxnumber").longValue() + 1,
        challenge.path("signature").asString());
    var foreign = solvedChallenge("another key", Instant.now().plusSeconds(600));

    assertThat(signUp(session, "wrong.number@kinora.test", wrongNumber).status())
        .isEqualTo(400);
    assertThat(signUp(new WebSession(baseUrl()), "wrong.number@kinora.test", foreign)
            .status())
        .isEqualTo(400);
    assertThat(userCount("wrong.number@kinora.test")).isZero();
  }

  @Test
  void aSolutionOpensOneFormOnlyAndAReplayIsRefused() {
    var session = new WebSession(baseUrl());
    var proof = session.solveProofOfWork("/proof-of-work");

    var first = signUp(session, "replay.first@kinora.test", proof);
    var replay = signUp(new WebSession(baseUrl()), "replay.second@kinora.test", proof);

    assertThat(first.url()).as("signed in, in the studio").isEqualTo(baseUrl() + "/");
    assertThat(userCount("replay.first@kinora.test")).isOne();
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.body())
        .contains("This check was already used for another form. Please send the form again");
    assertThat(userCount("replay.second@kinora.test")).isZero();
  }

  @Test
  void anExpiredChallengeIsRefusedEvenWhenSolved() throws Exception {
    new WebSession(baseUrl()).get("/proof-of-work"); // the key exists once a challenge was made
    var key = HexFormat.of()
        .formatHex(jdbc.sql("select secret from account_signing_keys where name = 'proof-of-work'")
            .query(byte[].class)
            .single());
    var expired = solvedChallenge(key, Instant.now().minusSeconds(5));

    var page = signUp(new WebSession(baseUrl()), "too.late@kinora.test", expired);

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("The check on this page ran out of time.");
    assertThat(userCount("too.late@kinora.test")).isZero();
  }

  @Test
  void aPasswordResetAsksForTheProofToo() {
    new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            form("reset.proof@kinora.test", "", "a long reset passphrase", yearsAgo(30, 0), "SE"));
    Mailbox.awaitMessage("reset.proof@kinora.test", 1);

    var unproven = new WebSession(baseUrl())
        .submit(
            "/password-reset",
            "/password-reset",
            Map.of("email", "reset.proof@kinora.test", "altcha", ""));
    assertThat(unproven.status()).isEqualTo(400);
    assertThat(unproven.body()).contains("Your browser has not finished the short check");
    assertThat(Mailbox.messagesTo("reset.proof@kinora.test")).hasSize(1);

    var proven = new WebSession(baseUrl())
        .submit("/password-reset", "/password-reset", Map.of("email", "reset.proof@kinora.test"));
    assertThat(proven.url()).endsWith("/password-reset?sent");
    assertThat(Mailbox.awaitMessage("reset.proof@kinora.test", 2)).contains("/password-reset/");
  }

  private WebSession.Page signUp(WebSession session, String email, String proof) {
    var fields = new LinkedHashMap<>(
        form(email, "", "a long proof-of-work passphrase", yearsAgo(30, 0), "NL"));
    fields.put("altcha", proof);
    return session.submit("/signup", "/signup", fields);
  }

  private long userCount(String email) {
    return jdbc.sql("select count(*) from users where email_normalized = ?")
        .param(email)
        .query(Long.class)
        .single();
  }

  /** A challenge made and signed with this key, solved. */
  private static String solvedChallenge(String hmacKey, Instant expires) throws Exception {
    var challenge = Altcha.createChallenge(new Altcha.ChallengeOptions()
        .setMaxNumber(1000L)
        .setHmacKey(hmacKey)
        .setExpires(expires.getEpochSecond()));
    return ProofOfWorkSolver.solve(JSON.writeValueAsString(Map.of(
        "algorithm", challenge.algorithm,
        "challenge", challenge.challenge,
        "maxnumber", challenge.maxnumber,
        "salt", challenge.salt,
        "signature", challenge.signature)));
  }

  private static String payload(String challenge, String salt, long number, String signature) {
    var json = JSON.createObjectNode()
        .put("algorithm", "SHA-256")
        .put("challenge", challenge)
        .put("number", number)
        .put("salt", salt)
        .put("signature", signature);
    return java.util.Base64.getEncoder()
        .encodeToString(
            JSON.writeValueAsString(json).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
