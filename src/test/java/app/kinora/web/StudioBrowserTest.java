package app.kinora.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A person's first visit, in Debian's Chromium: sign up, generate, watch, play, download. */
class StudioBrowserTest extends BrowserTest {

  @Test
  void signsUpGeneratesWatchesLiveProgressAndPlaysTheVideoFromTheLibrary() throws Exception {
    var context = browser.newContext(
        new Browser.NewContextOptions().setViewportSize(1280, 900).setAcceptDownloads(true));
    var page = context.newPage();
    page.navigate(baseUrl());
    rejectOptionalCookies(page);
    page.getByText("Create a free account").click();

    BrowserAccounts.signUpAndSignIn(
        page, "first.visitor@kinora.test", "a long and happy passphrase");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New video")))
        .isVisible();

    page.evaluate("window.__sameDocument = true");
    page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true))
        .fill("Aurora over a frozen lake, slow pan");
    StudioChoices.seconds(page, "4");
    StudioChoices.size(page, "1280x720");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate"))
        .click();

    var card = page.locator("article.job").first();
    assertThat(card.locator(".prompt")).hasText("Aurora over a frozen lake, slow pan");
    var progressSeen = watchProgressUntilVideo(card);
    page.waitForFunction("() => document.querySelector('article.job video').readyState >= 1");
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("studio.png")).setFullPage(true));

    assertThat(progressSeen).as("progress values shown live").anyMatch(p -> p > 0 && p < 100);
    assertThat(page.evaluate("window.__sameDocument === true"))
        .as("no page reload")
        .isEqualTo(true);

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My library"))
        .click();
    var preview = page.locator(".item-card .preview");
    assertThat(preview).hasCount(1);
    page.waitForFunction(
        "() => document.querySelector('.item-card .poster').naturalWidth === 1280");
    preview.hover();
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("library-hover.png")));
    preview.click();
    assertThat(page.locator("video.player")).hasCount(1);
    page.waitForFunction("() => document.querySelector('video.player').readyState >= 1");
    var duration =
        ((Number) page.evaluate("document.querySelector('video.player').duration")).doubleValue();
    assertThat(duration).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.1));
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("library.png")).setFullPage(true));

    var download = page.waitForDownload(() -> page.getByText("Download MP4").click());
    assertThat(download.suggestedFilename()).endsWith(".mp4");
    assertThat(Files.size(download.path())).isGreaterThan(10_000);
    context.close();
  }

  @Test
  void startsFromAnExamplePrompt() {
    var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
    var page = context.newPage();
    page.navigate(baseUrl() + "/login");
    rejectOptionalCookies(page);
    BrowserAccounts.signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    var prompt = page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true));
    var examples = page.locator("#prompt-examples");
    assertThat(examples).isVisible();
    // the reading asked for when the page loaded has come back (a click before that is read
    // by the element it replaces)
    page.waitForSelector(
        "#prompt-reading:not([hx-trigger*=load])",
        new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));

    examples.getByText("Stars and aurora over a frozen lake").click();

    assertThat(prompt).hasValue("Stars and aurora over a frozen lake");
    assertThat(prompt).isFocused();
    assertThat(examples).isHidden();
    assertThat(page.locator("#prompt-reading .drawn .chip").first()).isVisible();
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve("studio-example-chosen-phone.png")));

    prompt.fill("");
    assertThat(examples).isVisible();
    context.close();
  }

  @Test
  void cancelsARunningVideoFromItsCard() {
    var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    var page = context.newPage();
    page.navigate(baseUrl() + "/login");
    rejectOptionalCookies(page);
    BrowserAccounts.signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true))
        .fill("An endless train through the snow at night");
    StudioChoices.seconds(page, "20");
    StudioChoices.size(page, "1920x1080");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate"))
        .click();

    var card = page.locator("article.job").first();
    assertThat(card.locator(".prompt")).hasText("An endless train through the snow at night");
    card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel"))
        .click();

    assertThat(page.locator("article.job").first().getByRole(AriaRole.STATUS))
        .hasText("You cancelled this video; its credits went back to you.");
    assertThat(page.locator("article.job").first().locator("video")).hasCount(0);
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("studio-cancelled.png")));
    context.close();
  }

  @Test
  void explainsAWeakPasswordAndKeepsWhatWasTyped() {
    var page = browser.newPage();
    page.navigate(baseUrl() + "/signup");
    rejectOptionalCookies(page);
    page.getByLabel("Email").fill("weak@kinora.test");
    page.getByLabel("Password").fill("password");
    BrowserAccounts.fillAdultAgeAndTerms(page);
    BrowserAccounts.createAccount(page);

    assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please correct the field");
    assertThat(page.getByLabel("Password")).hasAttribute("aria-invalid", "true");
    assertThat(page.locator("#password-error")).containsText("at least 10 characters");
    assertThat(page.getByLabel("Email")).hasValue("weak@kinora.test");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("signup-error.png")));
    page.close();
  }

  @Test
  void createsAnApiKeyShownOnceThatWorksUntilRevoked() {
    var context = browser.newContext();
    var page = context.newPage();
    page.navigate(baseUrl() + "/signup");
    rejectOptionalCookies(page);
    BrowserAccounts.signUpAndSignIn(page, "key.maker@kinora.test", "a long key maker passphrase");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API keys"))
        .click();

    page.getByLabel("Key name").fill("laptop script");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key"))
        .click();
    var secret = page.locator("#new-key").textContent().strip();
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("api-keys.png")));

    assertThat(secret).startsWith("kn_");
    assertThat(page.locator("table")).containsText("laptop script");
    assertThat(new app.kinora.ApiClient(baseUrl(), secret).get("/v1/videos").status())
        .isEqualTo(200);
    page.reload();
    assertThat(page.locator("#new-key")).hasCount(0);

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke"))
        .click();
    assertThat(new app.kinora.ApiClient(baseUrl(), secret).get("/v1/videos").status())
        .isEqualTo(401);
    context.close();
  }

  /** Samples the progress bar until the finished video replaces it; returns the values seen. */
  private static TreeSet<Integer> watchProgressUntilVideo(Locator card) {
    var seen = new TreeSet<Integer>();
    var deadline = System.nanoTime() + 90_000_000_000L;
    while (card.locator("video").count() == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the video did not appear; progress seen: " + seen);
      }
      var bar = card.locator("progress");
      if (bar.count() > 0) {
        String value;
        try {
          // the bar can be swapped out by the next event between count() and here
          value =
              bar.first().getAttribute("value", new Locator.GetAttributeOptions().setTimeout(500));
        } catch (com.microsoft.playwright.TimeoutError replaced) {
          continue;
        }
        if (value != null) {
          int percent = Integer.parseInt(value);
          if (percent > 0 && seen.stream().noneMatch(p -> p > 0)) {
            card.page()
                .screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("studio-progress.png")));
          }
          seen.add(percent);
        }
      }
      card.page().waitForTimeout(50);
    }
    return seen;
  }
}
