package app.kinora.account.internal;

import static app.kinora.account.internal.SignUpIntegrationTest.form;
import static app.kinora.account.internal.SignUpIntegrationTest.yearsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.account.WebSession;
import app.kinora.audit.AuditTrail;
import app.kinora.shared.UserId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Security actions land in the audit trail, without secrets (P14). */
class SecurityAuditIntegrationTest extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  AuditTrail audit;

  @Test
  void signInsKeysAndPasswordChangesAreAuditedWithoutSecrets() {
    var password = "a long audited passphrase";
    new WebSession(baseUrl())
        .submit(
            "/signup", "/signup", form("audited@kinora.test", "", password, yearsAgo(30, 0), "EE"));
    var session = new WebSession(baseUrl());
    session.submit(
        "/login", "/login", Map.of("username", "audited@kinora.test", "password", password));
    session.submit(
        "/account/api-keys", "/account/api-keys", Map.of("name", "deploy bot", "scope", "read"));
    session.submit(
        "/account",
        "/account/password",
        Map.of("currentPassword", password, "newPassword", "another long passphrase"));
    var user = new UserId(jdbc.sql("select id from users where email = 'audited@kinora.test'")
        .query(UUID.class)
        .single());

    var events = audit.about(user);

    assertThat(events)
        .extracting(AuditTrail.Event::action)
        .containsSubsequence(
            "security.signed_in", "security.api_key_created", "security.password_changed");
    assertThat(events)
        .allSatisfy(event ->
            assertThat(event.details()).doesNotContain(password, "another long passphrase", "kn_"));
  }
}
