package app.kinora.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.media.TestMedia;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The library in Debian's Chromium: grid, search, detail page, last frame to the studio, uploads, batch delete. */
class LibraryBrowserTest extends BrowserTest {

  @Test
  void browsesSearchesOpensReusesAndDeletes() throws Exception {
    var api = new ApiClient(baseUrl(), ADMIN_API_KEY);
    var aurora = generate(
        api,
        "Aurora curtains over a frozen lake, slow pan",
        Map.of("input_reference", TestMedia.jpeg(1280, 720)));
    generate(
        api, "Neon city street in the rain at night", Map.of("audio", TestMedia.wav(2, 44100)));

    var context = browser.newContext(
        new Browser.NewContextOptions().setViewportSize(1280, 900).setAcceptDownloads(true));
    var page = context.newPage();
    page.navigate(baseUrl() + "/login");
    rejectOptionalCookies(page);
    page.getByLabel("Email").fill(ADMIN_EMAIL);
    page.getByLabel("Password").fill(ADMIN_PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
        .click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My library"))
        .click();

    var cards = page.locator(".item-card");
    assertThat(cards.first()).isVisible();
    page.waitForFunction(
        "() => [...document.querySelectorAll('.item-card .poster')].every(i => i.complete && i.naturalWidth > 0)");
    assertThat(page.locator(".item-card .badge").first()).hasText("Ready");
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve("library-grid.png"))
        .setFullPage(true));
    cards.first().locator(".preview").hover();
    page.waitForTimeout(600);
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("library-grid-hover.png")));

    page.getByLabel("Search").fill("auro");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply"))
        .click();
    assertThat(page.locator(".item-card .prompt")).hasText(new String[] {aurora});

    page.locator(".item-card .preview").first().click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(aurora)))
        .isVisible();
    page.waitForFunction("() => document.querySelector('video.player').readyState >= 1");
    assertThat(page.locator("video.player").getAttribute("src"))
        .startsWith("/media/")
        .contains("signature=");
    assertThat(page.locator(".references")).containsText("First frame");
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve("library-detail.png"))
        .setFullPage(true));
    var download = page.waitForDownload(() -> page.getByText("Download MP4").click());
    assertThat(download.suggestedFilename())
        .matches("aurora-curtains-over-a-frozen-lake-slow-pan-\\d{4}-\\d{2}-\\d{2}\\.mp4");
    assertThat(Files.size(download.path())).isGreaterThan(10_000);

    page.getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Use last frame as next first frame"))
        .click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New video")))
        .isVisible();
    assertThat(page.locator(".reused")).containsText("First frame");
    assertThat(page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true)))
        .hasValue(aurora);
    page.waitForFunction("() => document.querySelector('.reused img').naturalWidth > 0");
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("studio-last-frame.png")));

    page.navigate(baseUrl() + "/library?tab=uploads");
    var uploads = page.locator(".item-card");
    int before = uploads.count();
    assertThat(before).isGreaterThanOrEqualTo(3);
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve("library-uploads.png"))
        .setFullPage(true));
    uploads.nth(0).getByText("Select").click();
    uploads.nth(1).getByText("Select").click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete selected"))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("Deleted 2 items.");
    assertThat(page.locator(".item-card")).hasCount(before - 2);
    context.close();
  }

  private static String generate(ApiClient api, String prompt, Map<String, byte[]> files) {
    var reply = api.postMultipart(
        "/v1/videos", Map.of("prompt", prompt, "seconds", "2", "size", "1280x720"), files);
    var id = reply.json().path("id").asString();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> api.get("/v1/videos/" + id).json().path("status").asString().equals("completed"));
    return prompt;
  }
}
