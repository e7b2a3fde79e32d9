package app.kinora.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The studio from a phone and a desktop: pick a model card and chips, type, generate; the card
 * shows where the video stands and links to its page; the header's balance follows the hold, and
 * the release when the next video is cancelled.
 */
class StudioQueueBrowserTest extends BrowserTest {

  private static final String PASSWORD = "a long studio browser passphrase";

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PasswordEncoder passwords;

  @Autowired
  CreditLedger ledger;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"phone", "desktop"})
  void typingRenderingDoneAndACancelThatGivesTheCreditsBack(String device) {
    var size = device.equals("phone") ? new int[] {390, 844} : new int[] {1440, 900};
    var email = "studio-" + device + "-" + System.nanoTime() + "@kinora.test";
    var user = TestAccounts.newUser(jdbc, "USER", email, passwords.encode(PASSWORD));
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(size[0], size[1]))) {
      var page = context.newPage();
      page.navigate(baseUrl() + "/login");
      rejectOptionalCookies(page);
      BrowserAccounts.signIn(page, email, PASSWORD);
      var balance = page.locator("#header-balance");
      var start = ledger.balance(user).available();
      assertThat(balance).hasText(start.toString());
      assertThat(balance).hasAttribute("href", "/credits");

      // the model cards say what each model makes; the chips are only the chosen model's
      var local = page.locator(".model-card:has(input[value=kinora-local])");
      assertThat(local).containsText("2–20 s");
      assertThat(local.locator("input")).isChecked();
      page.waitForFunction("() => window.htmx !== undefined");
      StudioChoices.model(page, "test-veo");
      assertThat(page.locator("#model-options .model-note")).containsText("Veo");
      assertThat(StudioChoices.offered(page, "seconds")).containsExactly("4", "6", "8");
      StudioChoices.model(page, "kinora-local");
      assertThat(page.locator("input[name=seconds]")).hasCount(19);
      shoot(page, "studio-models-" + device);

      page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true))
          .fill("Snowy mountains at sunrise, slow aerial shot");
      StudioChoices.seconds(page, "2");
      StudioChoices.size(page, "480x480");
      shoot(page, "studio-typing-" + device);
      page.locator("#generate-button").click();
      var card = page.locator("article.job").first();
      assertThat(card.locator(".prompt")).hasText("Snowy mountains at sunrise, slow aerial shot");
      // a link drawn as a button, as the finished card's "Open"
      assertThat(card.locator("a[href]", new Locator.LocatorOptions().setHasText("Video page")))
          .hasAttribute("href", Pattern.compile("/library/[0-9a-f-]{36}$"));
      var held = ledger.balance(user).available();
      assertThat(held.compareTo(start)).isNegative();
      assertThat(balance)
          .hasText(held.toString(), new LocatorAssertions.HasTextOptions().setTimeout(15_000));
      shoot(page, "studio-rendering-" + device);
      assertThat(card.locator("video"))
          .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(120_000));
      var afterCapture = ledger.balance(user).available();
      assertThat(balance).hasText(afterCapture.toString());
      shoot(page, "studio-done-" + device);

      // a long one, cancelled: its hold comes back and the header says so
      page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true))
          .fill("An endless train through the snow at night");
      StudioChoices.seconds(page, "20");
      StudioChoices.size(page, "1920x1080");
      page.locator("#generate-button").click();
      var running = page.locator("article.job").first();
      assertThat(running.locator(".prompt")).hasText("An endless train through the snow at night");
      assertThat(running.locator(".standing")).hasText(Pattern.compile("Queued|in line|Rendering"));
      assertThat(balance)
          .not()
          .hasText(
              afterCapture.toString(), new LocatorAssertions.HasTextOptions().setTimeout(15_000));
      shoot(page, "studio-queued-" + device);
      running
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel"))
          .click();
      assertThat(page.locator("article.job").first().getByRole(AriaRole.STATUS))
          .hasText("You cancelled this video; its credits went back to you.");
      assertThat(balance).hasText(afterCapture.toString());
      assertThat(ledger.balance(user).available()).isEqualTo(afterCapture);
      shoot(page, "studio-cancelled-" + device);
    }
  }

  private static void shoot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
  }
}
