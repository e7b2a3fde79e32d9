package app.kinora;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real third-party servers the application talks to in tests, started once per test JVM: an
 * SMTP server (GreenMail) and an OpenID Connect provider (mock-oauth2-server).
 */
public final class TestServers {

  public static final String OIDC_REGISTRATION = "mockidp";
  public static final String OIDC_ISSUER_ID = "kinora-test";

  private static GreenMail mail;
  private static MockOAuth2Server oidc;

  private TestServers() {}

  public static synchronized GreenMail mail() {
    if (mail == null) {
      mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      mail.start();
    }
    return mail;
  }

  public static synchronized MockOAuth2Server oidc() {
    if (oidc == null) {
      oidc = new MockOAuth2Server();
      oidc.start();
    }
    return oidc;
  }

  /** Points the application at both servers. */
  public static void register(DynamicPropertyRegistry registry) {
    // Every test client signs in from 127.0.0.1: the per-IP limit is proven by limiters of its own
    // on the same database (SignInThrottleIntegrationTest).
    registry.add("kinora.account.sign-in-failures-per-ip", () -> "1000");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> mail().getSmtp().getPort());
    var prefix = "spring.security.oauth2.client.registration." + OIDC_REGISTRATION;
    registry.add(prefix + ".client-id", () -> "kinora");
    registry.add(prefix + ".client-secret", () -> "kinora-secret");
    registry.add(prefix + ".client-name", () -> "Test ID");
    registry.add(prefix + ".scope", () -> "openid,email,profile");
    registry.add(prefix + ".provider", () -> OIDC_REGISTRATION);
    registry.add(
        "spring.security.oauth2.client.provider." + OIDC_REGISTRATION + ".issuer-uri",
        () -> oidc().issuerUrl(OIDC_ISSUER_ID).toString());
  }
}
