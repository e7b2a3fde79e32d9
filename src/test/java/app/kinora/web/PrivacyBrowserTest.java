package app.kinora.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cookie banner, the settings page and Global Privacy Control, in Chromium (P8). */
class PrivacyBrowserTest extends BrowserTest {

  @Autowired
  JdbcClient jdbc;

  @Test
  void nothingIsCountedBeforeConsentRejectIsOneClickAndTheChoiceCanChangeLater() {
    long before = analyticsEvents();
    var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
    var page = context.newPage();

    page.navigate(baseUrl());
    var banner = page.getByRole(
        AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Cookie choices"));
    assertThat(banner).isVisible();
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("consent-banner.png")));
    page.navigate(baseUrl() + "/terms");
    assertThat(analyticsEvents()).as("no analytics before an answer").isEqualTo(before);
    assertThat(consentCookie(context)).isNull();

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject all"))
        .click();
    assertThat(banner).hasCount(0);
    assertThat(page).hasURL(baseUrl() + "/terms");
    assertThat(consentCookie(context)).isEqualTo("v1-p0-a0");
    page.navigate(baseUrl() + "/privacy");
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve("privacy-policy.png"))
        .setFullPage(true));
    assertThat(analyticsEvents()).isEqualTo(before);

    page.getByRole(AriaRole.CONTENTINFO)
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cookie settings"))
        .click();
    page.getByLabel("Analytics").check();
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cookie-settings.png")));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my choice"))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("saved");
    assertThat(consentCookie(context)).isEqualTo("v1-p0-a1");
    page.navigate(baseUrl() + "/terms");

    assertThat(analyticsEvents()).as("the consented page views").isEqualTo(before + 2);
    context.close();
  }

  @Test
  void globalPrivacyControlKeepsAnalyticsOffWithoutAsking() {
    long before = analyticsEvents();
    var context = browser.newContext(
        new Browser.NewContextOptions().setExtraHTTPHeaders(Map.of("Sec-GPC", "1")));
    var page = context.newPage();

    page.navigate(baseUrl());
    assertThat(page.locator(".consent-banner")).containsText("Global Privacy Control");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept all"))
        .click();
    page.navigate(baseUrl() + "/privacy/cookies");

    assertThat(page.getByLabel("Analytics")).isDisabled();
    assertThat(page.getByLabel("Analytics")).not().isChecked();
    page.navigate(baseUrl() + "/terms");
    assertThat(analyticsEvents()).isEqualTo(before);
    context.close();
  }

  @Test
  void aUserDownloadsTheirDataAndObjectsToContentUse() throws Exception {
    var context = browser.newContext(
        new Browser.NewContextOptions().setViewportSize(1280, 900).setAcceptDownloads(true));
    var page = context.newPage();
    page.navigate(baseUrl() + "/signup");
    rejectOptionalCookies(page);
    BrowserAccounts.signUpAndSignIn(page, "data.owner@kinora.test", "my data my rules 2026");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your data"))
        .click();
    page.getByLabel("Use my prompts and videos to improve quality and safety").uncheck();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("saved");
    assertThat(page.getByLabel("Use my prompts and videos to improve quality and safety"))
        .not()
        .isChecked();

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prepare my archive"))
        .click();
    var download = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download"));
    assertThat(download)
        .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
            .setTimeout(30_000));
    assertThat(page.getByRole(AriaRole.STATUS)).hasCount(0);
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve("your-data.png"))
        .setFullPage(true));
    var file = page.waitForDownload(download::click);

    assertThat(file.suggestedFilename()).startsWith("kinora-data-").endsWith(".zip");
    try (var zip = new java.util.zip.ZipFile(file.path().toFile())) {
      var data = new String(zip.getInputStream(zip.getEntry("data.json")).readAllBytes());
      assertThat(data).contains("data.owner@kinora.test", "\"contentForQuality\" : false");
    }
    context.close();
  }

  private long analyticsEvents() {
    return jdbc.sql("select count(*) from analytics_events").query(Long.class).single();
  }

  private static String consentCookie(BrowserContext context) {
    return context.cookies().stream()
        .filter(c -> c.name.equals("kinora_consent"))
        .map(c -> c.value)
        .findFirst()
        .orElse(null);
  }
}
