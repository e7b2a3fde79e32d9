package app.kinora.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * The API's human page: Swagger UI reads /v1/openapi.json and shows every operation, with no
 * sign-in and no error in the console (the pages' Content-Security-Policy allows it as is).
 */
class ApiDocsBrowserTest extends BrowserTest {

  @Test
  void theApiPageShowsTheOperationsWithoutSigningIn() {
    try (var context = browser.newContext()) {
      var page = context.newPage();
      var errors = new ArrayList<String>();
      page.onConsoleMessage(message -> {
        if (message.type().equals("error")) {
          errors.add(message.text());
        }
      });
      page.onPageError(errors::add);
      page.navigate(baseUrl() + "/api-docs");
      page.waitForSelector(".opblock-summary-path");
      assertThat(page.locator(".info .title").innerText()).contains("Kinora API");
      assertThat(page.locator(".opblock-summary-path").allInnerTexts())
          .contains("/v1/videos", "/v1/videos/{videoId}", "/v1/webhook_endpoints");
      page.screenshot(new Page.ScreenshotOptions()
          .setPath(SCREENSHOTS.resolve("api-docs.png"))
          .setFullPage(false));
      assertThat(errors).isEmpty();
    }
  }
}
