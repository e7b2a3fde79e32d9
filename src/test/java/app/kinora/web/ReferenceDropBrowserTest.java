package app.kinora.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.media.TestMedia;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reference files dropped on the studio's form: previews, a wrong kind refused on the spot, then used. */
class ReferenceDropBrowserTest extends BrowserTest {

  private static final String PROMPT = "Harbour lights at dusk, dropped in";

  @Autowired
  JdbcClient jdbc;

  @Test
  void dropsAPictureAndASoundtrackSeesThemAndGeneratesWithThem() {
    var context = browser.newContext(
        new Browser.NewContextOptions().setViewportSize(1280, 1000).setAcceptDownloads(true));
    var page = context.newPage();
    page.navigate(baseUrl() + "/login");
    rejectOptionalCookies(page);
    BrowserAccounts.signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New video")))
        .isVisible();
    page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true)).fill(PROMPT);
    page.locator("details.references summary").click();

    var firstFrame = page.locator(".drop-zone:has(input[name=input_reference])");
    var soundtrack = page.locator(".drop-zone:has(input[name=audio])");
    var wav = TestMedia.wav(2, 44100);

    drop(page, firstFrame, "song.wav", "audio/wav", wav);
    assertThat(firstFrame.locator(".drop-error"))
        .hasText("song.wav is not a picture (PNG, JPEG or WebP).");
    assertThat(page.locator("input[name=input_reference]")).hasValue("");

    var harbour = TestMedia.jpegWithExif(640, 360, 1);
    drop(page, firstFrame, "harbour.jpg", "image/jpeg", harbour);
    assertThat(firstFrame.locator(".drop-error")).hasCount(0);
    assertThat(firstFrame.locator(".file-preview small")).containsText("harbour.jpg");
    page.waitForFunction(
        "() => document.querySelector('.drop-zone .file-preview img').naturalWidth === 640");
    drop(page, soundtrack, "song.wav", "audio/wav", wav);
    page.waitForFunction(
        "() => document.querySelector('.drop-zone .file-preview audio').readyState >= 1");
    assertThat((Number) page.evaluate("document.querySelector('input[name=audio]').files.length"))
        .isEqualTo(1);
    page.getByLabel("Keep my original files too").check();
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve("studio-dropped-references.png"))
        .setFullPage(true));

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate"))
        .click();
    assertThat(page.locator("article.job").first().locator(".prompt")).hasText(PROMPT);
    page.waitForSelector("article.job video", new Page.WaitForSelectorOptions().setTimeout(90_000));

    var references = jdbc.sql(
            "select first_frame_upload is not null, audio_upload is not null from generations where prompt = ?")
        .param(PROMPT)
        .query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2)))
        .single();
    assertThat(references)
        .as("the dropped picture and sound reached the generation")
        .containsExactly(true, true);

    firstFrame
        .getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Remove"))
        .click();
    assertThat(firstFrame.locator(".file-preview")).hasCount(0);
    assertThat(page.locator("input[name=input_reference]")).hasValue("");

    // the originals were kept, as asked: the picture comes back exactly as it was sent
    page.navigate(baseUrl() + "/library?tab=uploads");
    var card = page.locator(".item-card")
        .filter(new com.microsoft.playwright.Locator.FilterOptions()
            .setHas(page.locator("img[alt='Uploaded picture']")))
        .first();
    var download = page.waitForDownload(() -> card.getByRole(
            AriaRole.LINK,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Original"))
        .click());
    assertThat(download.suggestedFilename()).endsWith(".jpg");
    try {
      assertThat(java.nio.file.Files.readAllBytes(download.path())).isEqualTo(harbour);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve("library-uploads-original.png"))
        .setFullPage(true));
    context.close();
  }

  @Test
  void filesDroppedOnThePromptGoWhereTheModelTakesThem() {
    var context = browser.newContext(
        new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(false));
    var page = context.newPage();
    page.navigate(baseUrl() + "/login");
    rejectOptionalCookies(page);
    BrowserAccounts.signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    // the studio loaded, its deferred scripts with it: a drop before them is the browser's own
    page.waitForURL(baseUrl() + "/");
    var prompt = page.locator("#prompt");
    prompt.fill("A lighthouse in fog, dropped on the prompt");
    assertThat(page.locator("details.references")).not().hasAttribute("open", "");

    drop(
        page,
        prompt,
        List.of(
            new Object[] {"lighthouse.jpg", "image/jpeg", TestMedia.jpegWithExif(320, 180, 1)},
            new Object[] {"foghorn.wav", "audio/wav", TestMedia.wav(1, 44100)}));

    assertThat(page.locator("details.references")).hasAttribute("open", "");
    assertThat(page.locator(".drop-zone:has(input[name=input_reference]) .file-preview small"))
        .containsText("lighthouse.jpg");
    assertThat(page.locator(".drop-zone:has(input[name=audio]) .file-preview small"))
        .containsText("foghorn.wav");
    assertThat(page.locator("#prompt-drop-note")).hasCount(0);

    drop(page, prompt, "notes.txt", "text/plain", new byte[] {'h', 'i'});
    assertThat(page.locator("#prompt-drop-note"))
        .hasText("This model takes no file like notes.txt; choose a model that does.");
    // what was placed before stays
    assertThat(page.locator(".drop-zone:has(input[name=input_reference]) .file-preview small"))
        .containsText("lighthouse.jpg");
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve("studio-dropped-on-prompt-phone.png"))
        .setFullPage(true));
    context.close();
  }

  @Test
  void dropsSeveralReferenceImagesForAModelThatTakesThem() {
    var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000));
    var page = context.newPage();
    page.navigate(baseUrl() + "/login");
    rejectOptionalCookies(page);
    BrowserAccounts.signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New video")))
        .isVisible();
    page.waitForFunction(
        "() => window.htmx !== undefined"); // the model picker swaps options through htmx
    page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true))
        .fill("The same red kite over three beaches");
    StudioChoices.model(page, "test-veo");
    assertThat(page.locator("#model-options .model-note")).containsText("Veo");
    page.locator("details.references summary").click();
    var zone = page.locator(".drop-zone:has(input[name=reference_images])");

    drop(
        page,
        zone,
        List.of(png("a.png", 64), png("b.png", 65), png("c.png", 66), png("d.png", 67)));
    assertThat(zone.locator(".drop-error")).hasText("At most 3 files here.");

    drop(page, zone, List.of(png("kite-front.png", 64), png("kite-side.png", 80)));
    assertThat(zone.locator(".file-preview img")).hasCount(2);
    assertThat(zone.locator(".file-preview small")).containsText("2 files");
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve("studio-reference-images.png"))
        .setFullPage(true));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate"))
        .click();
    assertThat(page.locator("article.job").first().locator(".prompt"))
        .hasText("The same red kite over three beaches");

    var images = jdbc.sql("select cardinality(reference_images) from generations where prompt = ?")
        .param("The same red kite over three beaches")
        .query(Integer.class)
        .single();
    assertThat(images).isEqualTo(2);
    context.close();
  }

  private static Object[] png(String name, int size) {
    return new Object[] {name, "image/png", TestMedia.png(size, size)};
  }

  /** What a browser does when a file from the desktop is let go over the zone. */
  private static void drop(
      Page page, com.microsoft.playwright.Locator zone, String name, String type, byte[] bytes) {
    drop(page, zone, List.<Object[]>of(new Object[] {name, type, bytes}));
  }

  /** Several files let go at once. */
  private static void drop(Page page, com.microsoft.playwright.Locator zone, List<Object[]> files) {
    var sent = files.stream()
        .map(file ->
            List.of((String) file[0], (String) file[1], Base64.getEncoder().encodeToString((byte[])
                file[2])))
        .toList();
    JSHandle transfer = page.evaluateHandle("""
        (files) => {
          const transfer = new DataTransfer();
          for (const [name, type, data] of files) {
            const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
            transfer.items.add(new File([bytes], name, { type }));
          }
          return transfer;
        }""", sent);
    zone.dispatchEvent("dragover", Map.of("dataTransfer", transfer));
    zone.dispatchEvent("drop", Map.of("dataTransfer", transfer));
  }
}
