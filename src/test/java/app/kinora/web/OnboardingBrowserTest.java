package app.kinora.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A newcomer's first minutes, on a phone and a desktop, in light and dark: every mistake in the
 * sign-up form named at once next to its field, sign-up landing signed in in the studio with a
 * banner to confirm the email, the cookie banner never over the footer nor on the cookie settings
 * page, and the studio's choices remembered only with the "Preferences" consent. Screenshots in
 * target/screenshots/onboarding-*.
 */
class OnboardingBrowserTest extends BrowserTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"phone", "desktop", "phone-dark", "desktop-dark"})
  void signUpNamesEveryMistakeThenLandsSignedInInTheStudio(String device) {
    try (var context = context(device)) {
      var page = context.newPage();
      page.navigate(baseUrl() + "/");
      var banner = page.locator(".consent-banner");
      assertThat(banner).isVisible();
      for (var link : page.locator(".site-footer a").all()) {
        var box = link.boundingBox();
        var over = banner.boundingBox();
        assertThat(box.y >= over.y + over.height || box.y + box.height <= over.y)
            .as("the consent banner leaves the footer link " + link.innerText() + " free")
            .isTrue();
      }
      shoot(page, "onboarding-landing-" + device);
      page.navigate(baseUrl() + "/privacy/cookies");
      // not on the cookie settings page itself
      assertThat(page.locator(".consent-banner")).hasCount(0);
      shoot(page, "onboarding-cookie-settings-" + device);
      page.navigate(baseUrl() + "/signup");
      rejectOptionalCookies(page);

      page.getByLabel("Email").fill("not an address");
      page.getByLabel("Password").fill("short");
      page.getByLabel("Country").selectOption("");
      BrowserAccounts.createAccount(page);
      var invalid = page.locator("[aria-invalid=true]");
      assertThat(invalid).hasCount(5);
      for (var field : invalid.all()) {
        var described = field.getAttribute("aria-describedby").split(" ")[0];
        assertThat(page.locator("#" + described)).isVisible();
        assertThat(page.locator("#" + described)).not().isEmpty();
      }
      assertThat(page.getByRole(AriaRole.ALERT))
          .containsText("Please correct the 5 fields marked below.");
      assertThat(page.getByLabel("Email")).hasValue("not an address");
      shoot(page, "onboarding-signup-errors-" + device);

      var email = "newcomer." + device + "@kinora.test";
      page.getByLabel("Email").fill(email);
      BrowserAccounts.signUpAndSignIn(page, email, "a long newcomer passphrase");
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New video")))
          .isVisible();
      var confirm = page.locator(".confirm-email");
      assertThat(confirm).containsText("Confirm your email");
      shoot(page, "onboarding-studio-banner-" + device);
      confirm
          .getByRole(
              AriaRole.BUTTON,
              new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Dismiss"))
          .click();
      assertThat(page.locator(".confirm-email")).hasCount(0);
      page.navigate(baseUrl() + "/library");
      assertThat(page.locator(".confirm-email")).hasCount(0); // dismissed for the session
    }
  }

  @Test
  void theStudioRemembersItsChoicesOnlyWithConsentForPreferences() {
    try (var context = context("desktop")) {
      var page = context.newPage();
      page.navigate(baseUrl() + "/signup");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept all"))
          .click();
      BrowserAccounts.signUpAndSignIn(page, "remembers@kinora.test", "a long remembering phrase");
      var firstModel = checked(page, "model");
      var sound = page.getByRole(
          AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Sound").setExact(true));
      assertThat(sound).isChecked();
      sound.uncheck();
      StudioChoices.seconds(page, "6");
      page.reload();
      page.waitForFunction(
          "() => document.querySelector('input[name=seconds][value=\"6\"]').checked");
      assertThat(sound).not().isChecked();

      StudioChoices.model(page, "gateway-sora");
      page.waitForFunction("() => document.querySelectorAll('input[name=seconds]').length === 3");
      StudioChoices.seconds(page, "8");
      StudioChoices.size(page, "720x1280");
      page.reload();
      page.waitForFunction(
          "() => document.querySelector('input[name=size][value=\"720x1280\"]').checked");
      assertThat(page.locator("input[name=model][value=gateway-sora]")).isChecked();
      assertThat(page.locator("input[name=seconds][value='8']")).isChecked();
      assertThat(prefsCookie(context)).singleElement().asString().contains("model%3Dgateway-sora");

      page.navigate(baseUrl() + "/privacy/cookies");
      page.getByLabel("Preferences").uncheck();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my choice"))
          .click();
      assertThat(prefsCookie(context)).as("forgotten when declined").isEmpty();
      page.navigate(baseUrl() + "/");
      assertThat(page.locator("input[name=model][value='" + firstModel + "']")).isChecked();
    }
  }

  @Test
  void withoutConsentNothingIsRemembered() {
    try (var context = context("desktop")) {
      var page = context.newPage();
      page.navigate(baseUrl() + "/signup");
      rejectOptionalCookies(page);
      BrowserAccounts.signUpAndSignIn(page, "forgets@kinora.test", "a long forgetting phrase");
      var firstModel = checked(page, "model");
      StudioChoices.model(page, "gateway-sora");
      page.waitForFunction("() => document.querySelectorAll('input[name=seconds]').length === 3");
      StudioChoices.seconds(page, "8");

      page.reload();
      page.waitForLoadState();
      assertThat(page.locator("input[name=model][value='" + firstModel + "']")).isChecked();
      assertThat(prefsCookie(context)).isEmpty();
    }
  }

  /** The value of the radio group's chosen input. */
  private static String checked(Page page, String name) {
    return page.locator("input[name=" + name + "]:checked").getAttribute("value");
  }

  private BrowserContext context(String device) {
    var phone = device.startsWith("phone");
    return browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(phone ? 390 : 1440, phone ? 844 : 900)
        .setColorScheme(device.endsWith("-dark") ? ColorScheme.DARK : ColorScheme.LIGHT)
        .setLocale("en-GB"));
  }

  private static List<String> prefsCookie(BrowserContext context) {
    return context.cookies().stream()
        .filter(cookie -> cookie.name.equals("kinora_prefs"))
        .map(cookie -> cookie.value)
        .toList();
  }

  private static void shoot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }
}
