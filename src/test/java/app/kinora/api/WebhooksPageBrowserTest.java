package app.kinora.api;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.TestAccounts;
import app.kinora.web.BrowserAccounts;
import app.kinora.web.BrowserTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The webhooks page in Chromium: a person registers an endpoint on a receiver on loopback, copies
 * its secret, makes a video, sees the delivery in the log and resends it — each verified by the
 * standardwebhooks library with the secret the page showed —, rotates the secret, and deletes the
 * endpoint.
 */
class WebhooksPageBrowserTest extends BrowserTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PasswordEncoder passwords;

  @TempDir
  Path dir;

  @Test
  void aPersonRegistersAnEndpointAndSeesItsDeliveryInTheLog() throws Exception {
    var email = "hooks-" + System.nanoTime() + "@kinora.test";
    var user = TestAccounts.newUser(jdbc, "USER", email, passwords.encode("a webhook passphrase"));
    List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    var receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      var headers = exchange.getRequestHeaders();
      received.add(Map.of(
          "headers",
          Map.of(
              "webhook-id", headers.getFirst("webhook-id"),
              "webhook-timestamp", headers.getFirst("webhook-timestamp"),
              "webhook-signature", headers.getFirst("webhook-signature")),
          "body",
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    var url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    try (var context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
      var page = context.newPage();
      page.navigate(baseUrl() + "/login");
      rejectOptionalCookies(page);
      BrowserAccounts.signIn(page, email, "a webhook passphrase");
      page.waitForURL(baseUrl() + "/");
      page.navigate(baseUrl() + "/account/api-keys");
      page.getByRole(
              AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks").setExact(true))
          .click();

      page.getByLabel("Endpoint URL").fill("http://10.0.0.7/hook");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint"))
          .click();
      assertThat(page.getByRole(AriaRole.ALERT)).containsText("must start with https://");
      assertThat(page.getByText("You have no webhook endpoints yet.")).isVisible();

      page.getByLabel("Endpoint URL").fill(url);
      page.getByLabel("video.failed").uncheck();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint"))
          .click();
      var secret = page.locator("#webhook-secret").innerText().strip();
      assertThat(secret).startsWith("whsec_");
      assertThat(page.locator("h2.endpoint-url")).hasText(url);
      assertThat(page.locator(".endpoint")).containsText("video.completed, video.cancelled");

      var video = make(new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user)));
      var delivered = page.locator(".delivery-log tr[data-status=delivered]");
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh log"))
            .click();
        page.waitForLoadState();
        return delivered.count() > 0;
      });
      assertThat(delivered.first()).containsText("video.completed");
      assertThat(delivered.first()).containsText("HTTP 204");
      assertThat(delivered.first()).containsText(video);
      page.screenshot(new Page.ScreenshotOptions()
          .setPath(SCREENSHOTS.resolve("webhooks-log-phone.png"))
          .setFullPage(true));
      assertThat(received).hasSize(1);
      var payload = StandardWebhooksVerifier.verify(dir, secret, received).getFirst();
      assertThat(payload.path("data").path("id").asString()).isEqualTo(video);

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resend video.completed"))
          .click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("being sent again");
      await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
      assertThat(StandardWebhooksVerifier.verify(dir, secret, List.of(received.get(1))))
          .hasSize(1);

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rotate secret"))
          .click();
      var rotated = page.locator("#webhook-secret").innerText().strip();
      assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);

      page.getByText("Delete…").click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete endpoint"))
          .click();
      assertThat(page.getByText("You have no webhook endpoints yet.")).isVisible();
      assertThat(jdbc.sql("select count(*) from webhook_endpoints where user_id = ?")
              .param(user.value())
              .query(Long.class)
              .single())
          .isZero();
    } finally {
      receiver.stop(0);
    }
  }

  private static String make(ApiClient api) {
    var created = api.postJson(
        "/v1/videos",
        Map.of(
            "model",
            "kinora-local",
            "prompt",
            "A hooked lighthouse",
            "seconds",
            "2",
            "size",
            "480x480"));
    org.assertj.core.api.Assertions.assertThat(created.status())
        .as(created.json().toString())
        .isEqualTo(200);
    return created.json().path("id").asString();
  }
}
