package app.kinora.account.internal;

import static app.kinora.account.internal.SignUpIntegrationTest.form;
import static app.kinora.account.internal.SignUpIntegrationTest.yearsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.account.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failed sign-ins are limited per account; the answers never tell whether the email exists. */
class ThrottleIntegrationTest extends IntegrationTest {

  WebSession.Page attempt(String email, String password) {
    return new WebSession(baseUrl()).submit("/login", "/login", Map.of("username", email, "password", password));
  }

  @Test
  void anUnknownEmailAndAWrongPasswordGetTheSameAnswerAndTheSameLimit() {
    new WebSession(baseUrl()).submit("/signup", "/signup",
        form("guarded@kinora.test", "", "a long guarded passphrase", yearsAgo(30, 0), "LV"));

    for (int i = 0; i < 5; i++) {
      var wrong = attempt("guarded@kinora.test", "wrong guess number " + i);
      var unknown = attempt("nobody.here@kinora.test", "wrong guess number " + i);
      assertThat(wrong.url()).endsWith("/login?error");
      assertThat(unknown.url()).isEqualTo(wrong.url());
      assertThat(unknown.body()).contains("The email or password is not right");
    }
    var blocked = attempt("guarded@kinora.test", "a long guarded passphrase");
    var blockedUnknown = attempt("nobody.here@kinora.test", "anything at all");
    assertThat(blocked.url()).contains("/login?throttled=");
    assertThat(blocked.body()).contains("Too many attempts");
    assertThat(blockedUnknown.url()).isEqualTo(blocked.url());

    assertThat(attempt(ADMIN_EMAIL, ADMIN_PASSWORD).url()).as("other accounts are not affected").isEqualTo(baseUrl() + "/");
  }
}
