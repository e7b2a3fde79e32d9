package app.kinora.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The studio offers only what the chosen model can do, and changes its options with the model. */
class ModelOptionsBrowserTest extends BrowserTest {

  @Test
  void changesDurationsSizesSwitchesAndReferencesWhenTheModelChangesAndShowsWhereAJobWasSent() {
    var page = browser
        .newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000))
        .newPage();
    page.navigate(baseUrl() + "/signup");
    rejectOptionalCookies(page);
    BrowserAccounts.signUpAndSignIn(
        page, "model.chooser@kinora.test", "a long model chooser passphrase");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New video")))
        .isVisible();
    var seconds = IntStream.rangeClosed(2, 20).mapToObj(String::valueOf).toList();
    assertThat(StudioChoices.offered(page, "seconds")).isEqualTo(seconds);
    assertThat(sound(page)).isVisible();

    StudioChoices.model(page, "gateway-sora");
    assertThat(page.locator("#model-options .model-note")).containsText("gateway");
    page.locator("details.references summary").click();
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(StudioBrowserTest.SCREENSHOTS.resolve("studio-model-options.png"))
        .setFullPage(true));

    assertThat(StudioChoices.offered(page, "seconds")).containsExactly("4", "8", "12");
    assertThat(StudioChoices.offered(page, "size")).containsExactly("1280x720", "720x1280");
    assertThat(sound(page)).hasCount(0);
    assertThat(page.getByLabel("Caption with the prompt")).hasCount(0);
    assertThat(page.locator("details.references summary"))
        .hasText("References (optional: a picture)");
    assertThat(page.getByLabel("First frame")).isVisible();
    assertThat(page.getByLabel("Last frame")).hasCount(0);
    assertThat(page.getByLabel("Soundtrack")).hasCount(0);
    assertThat(page.getByLabel("Video to restyle")).hasCount(0);
    assertThat(page.getByText("Advanced")).hasCount(0);
    assertThat(page.locator("#model-options")).hasCount(1);

    page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true))
        .fill("A red kite over the dunes");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate"))
        .click();
    var card = page.locator("article.job").first();
    assertThat(card.locator(".transfers"))
        .hasText(
            "Sent to: Test gateway (US) — prompt",
            new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                .setTimeout(30_000));
    assertThat(card.getByRole(AriaRole.ALERT))
        .hasText("Failed: The video service is unavailable at the moment. Please try again later.");
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(StudioBrowserTest.SCREENSHOTS.resolve("studio-sent-to.png")));

    StudioChoices.model(page, "test-veo");
    assertThat(page.locator("#model-options .model-note")).containsText("Veo");
    assertThat(StudioChoices.offered(page, "seconds")).containsExactly("4", "6", "8");
    page.getByText("Advanced").click();
    assertThat(page.getByLabel("Avoid")).isVisible();
    assertThat(page.getByLabel("Seed")).hasCount(0);

    StudioChoices.model(page, "kinora-local");
    assertThat(sound(page)).isVisible();
    assertThat(StudioChoices.offered(page, "seconds")).isEqualTo(seconds);
    assertThat(page.getByText("Advanced")).isVisible();
    assertThat(page.getByLabel("Avoid")).hasCount(0);
    page.context().close();
  }

  private static Locator sound(Page page) {
    return page.getByLabel("Sound", new Page.GetByLabelOptions().setExact(true));
  }
}
