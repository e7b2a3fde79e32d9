package app.kinora.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.media.TestMedia;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The library in Debian's Chromium: grid, search, detail page, last frame to the studio, uploads,
 * batch delete; the dense grid on a phone and a desktop (columns, tile shapes, hover playback,
 * stars, the filter bar, the next page on scroll).
 */
class LibraryBrowserTest extends BrowserTest {

  /** A word only this test's videos carry, so the grid shows them alone. */
  private static final String SHAPES = "quillwort";
  /** A word only this test's filler items carry: more than one page of them. */
  private static final String FILLER = "zephyrine";

  @Autowired
  JdbcClient jdbc;

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

  @Test
  void aDenseGridOfTilesShapedLikeTheirVideosOnAPhoneAndADesktop() throws Exception {
    var api = new ApiClient(baseUrl(), ADMIN_API_KEY);
    // a wide, a tall and a square video, made at the same time
    var sizes = List.of("854x480", "480x854", "480x480");
    var ids = sizes.stream()
        .map(size -> api.postMultipart(
                "/v1/videos",
                Map.of(
                    "prompt", SHAPES + " meadow at sunrise " + size, "seconds", "2", "size", size),
                Map.of())
            .json()
            .path("id")
            .asString())
        .toList();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> ids.stream()
            .allMatch(id ->
                api.get("/v1/videos/" + id).json().path("status").asString().equals("completed")));
    // 30 failed items from long ago: more than a page (24), with no files to load
    var owner = jdbc.sql("select id from users where email = ?")
        .param(ADMIN_EMAIL)
        .query(UUID.class)
        .single();
    jdbc.sql("""
            insert into library_items (id, user_id, source, kind, status, model, prompt, seconds, width, height,
                                       duration_ms, bytes, created_at)
            select gen_random_uuid(), :owner, 'OUTPUT', 'VIDEO', 'FAILED', 'kinora-local',
                   :word || ' filler ' || i, 2, 1280, 720, 0, 0,
                   timestamptz '2020-01-01 00:00:00+00' + i * interval '1 minute'
              from generate_series(1, 30) as i""").param("owner", owner).param("word", FILLER).update();
    try {
      walkTheGrid("phone", 390, 844, 2);
      walkTheGrid("desktop", 1440, 900, 5);
    } finally {
      jdbc.sql("delete from library_items where user_id = ? and prompt like ?")
          .param(owner)
          .param(FILLER + " filler %")
          .update();
    }
  }

  private void walkTheGrid(String device, int width, int height, int columns) {
    boolean phone = device.equals("phone");
    var consoleErrors = new ArrayList<String>();
    var options = new Browser.NewContextOptions().setViewportSize(width, height);
    if (phone) {
      options.setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2);
    }
    try (var context = browser.newContext(options)) {
      var page = context.newPage();
      page.onConsoleMessage(message -> {
        if (message.type().equals("error")) {
          consoleErrors.add(page.url() + ": " + message.text());
        }
      });
      page.onPageError(error -> consoleErrors.add(page.url() + ": " + error));
      page.navigate(baseUrl() + "/login");
      rejectOptionalCookies(page);
      page.getByLabel("Email").fill(ADMIN_EMAIL);
      page.getByLabel("Password").fill(ADMIN_PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
          .click();
      page.waitForURL(baseUrl() + "/");

      // the filter bar: the search applies with Enter; one tile per video, each in its shape
      page.navigate(baseUrl() + "/library");
      page.getByLabel("Search").fill(SHAPES);
      page.getByLabel("Search").press("Enter");
      page.waitForURL(url -> url.contains("q=" + SHAPES));
      var tiles = page.locator(".item-card");
      assertThat(tiles).hasCount(3);
      page.waitForFunction(
          "() => [...document.querySelectorAll('.item-card .poster')].every(i => i.complete && i.naturalWidth > 0)");
      for (var size : List.of("854x480", "480x854", "480x480")) {
        var tile = tiles.filter(new Locator.FilterOptions().setHasText(size));
        var box = tile.locator(".preview").boundingBox();
        var wh = size.split("x");
        double ratio = Double.parseDouble(wh[0]) / Double.parseDouble(wh[1]);
        assertThat(box.width / box.height)
            .as(device + ": the " + size + " tile has the video's shape")
            .isCloseTo(ratio, org.assertj.core.data.Offset.offset(0.03));
        var poster = tile.locator(".poster").boundingBox();
        assertThat(poster.height)
            .as("the poster fills its tile")
            .isCloseTo(box.height, org.assertj.core.data.Offset.offset(1.0));
      }
      checkThePage(page, device + " library-shapes", width, consoleErrors);
      page.screenshot(new Page.ScreenshotOptions()
          .setPath(SCREENSHOTS.resolve("library-shapes-" + device + ".png"))
          .setFullPage(true));

      // hover: the tall video itself plays, muted, fetched only now; never on a touch screen
      var tall = tiles.filter(new Locator.FilterOptions().setHasText("480x854"));
      var video = tall.locator("video.hover-play");
      assertThat(video.getAttribute("src")).as("nothing fetched before a hover").isNull();
      assertThat(video.getAttribute("preload")).isEqualTo("none");
      if (phone) {
        // a finger on the tile: what a touch screen sends before the tap opens the video
        tall.locator(".preview .poster")
            .dispatchEvent("pointerover", Map.of("pointerType", "touch", "bubbles", true));
        page.waitForTimeout(500);
        assertThat(video.getAttribute("src"))
            .as("no autoplay on a touch screen")
            .isNull();
      } else {
        tall.locator(".preview").hover();
        page.waitForFunction(
            "v => v.currentTime > 0 && !v.paused && v.muted", video.elementHandle());
        assertThat(tall.locator(".preview")).hasClass(Pattern.compile("playing"));
        page.screenshot(new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve("library-hover-" + device + ".png")));
        page.mouse().move(0, 0);
        page.waitForFunction("v => v.paused", video.elementHandle());
      }

      // a star, kept after a reload; "Favourites" narrows the grid to it
      var star = tall.locator(".star-toggle");
      assertThat(star).hasAttribute("aria-pressed", "false");
      star.click();
      assertThat(tall.locator(".star-toggle")).hasAttribute("aria-pressed", "true");
      page.reload();
      assertThat(tall.locator(".star-toggle")).hasAttribute("aria-pressed", "true");
      page.getByLabel("Favourites").check();
      page.waitForURL(url -> url.contains("favourites=on"));
      assertThat(page.locator(".item-card")).hasCount(1);
      assertThat(page.locator(".item-card .prompt")).containsText("480x854");
      page.locator(".item-card .star-toggle").click();
      assertThat(page.locator(".item-card .star-toggle")).hasAttribute("aria-pressed", "false");

      // the tall video's own page: a player in its shape, with its star
      page.locator(".item-card .preview").click();
      page.waitForFunction("() => document.querySelector('video.player').readyState >= 1");
      var player = page.locator("video.player").boundingBox();
      assertThat(player.height / player.width)
          .as(device + ": the player has the video's shape")
          .isCloseTo(854.0 / 480, org.assertj.core.data.Offset.offset(0.05));
      assertThat(player.y + player.height)
          .as("the whole player in the first screenful")
          .isLessThanOrEqualTo(height);
      assertThat(page.locator(".detail .star-toggle")).hasAttribute("aria-pressed", "false");
      checkThePage(page, device + " tall video", width, consoleErrors);
      page.screenshot(new Page.ScreenshotOptions()
          .setPath(SCREENSHOTS.resolve("library-tall-video-" + device + ".png")));

      // more than a page: the columns of a full page, then the rest on scrolling to its end
      page.navigate(baseUrl() + "/library?q=" + FILLER);
      var filler = page.locator(".item-card");
      assertThat(filler).hasCount(24);
      @SuppressWarnings("unchecked")
      var lefts = (List<Number>)
          page.evaluate(
              "() => [...new Set([...document.querySelectorAll('.item-card')].map(t => Math.round(t.getBoundingClientRect().left)))]");
      assertThat(lefts).as(device + ": columns").hasSize(columns);
      checkThePage(page, device + " library-page", width, consoleErrors);
      page.screenshot(new Page.ScreenshotOptions()
          .setPath(SCREENSHOTS.resolve("library-grid-" + device + ".png")));
      page.locator(".more-link").scrollIntoViewIfNeeded();
      assertThat(filler).hasCount(30);
      assertThat(page.locator(".more-link")).hasCount(0);
      assertThat(filler.last().locator(".prompt")).hasText(FILLER + " filler 1");
    }
    assertThat(consoleErrors).as(device + ": console errors").isEmpty();
  }

  /** No sideways scrolling, no two controls on top of each other, nothing serious for axe. */
  private static void checkThePage(Page page, String where, int width, List<String> console) {
    var scrollWidth =
        ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    assertThat(scrollWidth).as(where + ": page width").isLessThanOrEqualTo(width);
    assertThat(PageWalkBrowserTest.overlaps(page))
        .as(where + ": overlapping controls")
        .isEmpty();
    var serious = new AxeBuilder(page)
        .analyze().getViolations().stream()
            .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
            .map(v -> v.getId() + " "
                + v.getNodes().stream()
                    .map(n -> String.valueOf(n.getTarget()))
                    .limit(3)
                    .toList())
            .toList();
    assertThat(serious).as(where + ": axe").isEmpty();
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
