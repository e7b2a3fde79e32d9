package app.kinora.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.account.WebSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Visitors may open the account's sign-in pages and the paths the other modules declare open (the
 * landing page, the privacy pages, static files, health); every other page sends them to sign in.
 */
class PublicPathsIntegrationTest extends IntegrationTest {

  @Test
  void visitorsOpenTheAccountPagesAndThePathsModulesDeclareOpen() {
    var visitor = new WebSession(baseUrl());
    for (var path : List.of(
        "/",
        "/signup",
        "/login",
        "/password-reset",
        "/terms",
        "/privacy",
        "/privacy/subprocessors",
        "/privacy/cookies",
        "/css/kinora.css",
        "/img/logo.svg",
        "/webjars/htmx.org/2.0.8/dist/htmx.min.js",
        "/actuator/health")) {
      var page = visitor.get(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.url()).as(path).isEqualTo(baseUrl() + path);
    }
  }

  @Test
  void everyOtherPageSendsAVisitorToSignIn() {
    for (var path : List.of(
        "/library",
        "/credits",
        "/account",
        "/account/privacy",
        "/account/api-keys",
        "/generations/options?model=kinora-local")) {
      var page = new WebSession(baseUrl()).get(path);
      assertThat(page.url()).as(path).isEqualTo(baseUrl() + "/login");
    }
  }

  /** The operators' console does not exist for visitors: not even a sign-in page (issue 15). */
  @Test
  void operatorsPagesAreNotFoundForAVisitor() {
    for (var path : List.of("/admin", "/admin/privacy-requests", "/admin/users")) {
      var page = new WebSession(baseUrl()).get(path);
      assertThat(page.status()).as(path).isEqualTo(404);
      assertThat(page.url()).as(path).isEqualTo(baseUrl() + path);
    }
  }
}
