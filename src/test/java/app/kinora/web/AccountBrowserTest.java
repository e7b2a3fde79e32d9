package app.kinora.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.account.Mailbox;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person's account in Debian's Chromium: a child is refused and nothing is kept; an adult signs
 * up, confirms the email from the message, turns on two-step sign-in, signs out and back in.
 */
class AccountBrowserTest extends BrowserTest {

  @Autowired
  JdbcClient jdbc;

  static void shoot(Page page, String name) {
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    page.waitForFunction(
        "() => [...document.images].every(image => image.complete && image.naturalWidth > 0)");
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
  }

  static void fillSignUp(
      Page page, String email, String name, LocalDate birthDate, String country) {
    page.getByLabel("Email").fill(email);
    page.getByLabel("Display name").fill(name);
    page.getByLabel("Password").fill("a long browser passphrase");
    page.getByLabel("Date of birth").fill(birthDate.toString());
    page.getByLabel("Country").selectOption(country);
    page.getByLabel("I accept the terms").check();
  }

  @Test
  void aChildIsRefusedAndAnAdultSignsUpConfirmsTurnsOnTwoStepAndSignsBackIn() {
    var context = browser.newContext(
        new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
    var page = context.newPage();

    page.navigate(baseUrl() + "/signup");
    rejectOptionalCookies(page);
    var childBirthDate = LocalDate.now().minusYears(12);
    fillSignUp(page, "little.one@kinora.test", "Little One Zq", childBirthDate, "DE");
    shoot(page, "account-signup-form.png");
    BrowserAccounts.createAccount(page);
    assertThat(
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sorry, not yet")))
        .isVisible();
    shoot(page, "account-too-young.png");
    for (var trace :
        List.of("little.one@kinora.test", "Little One Zq", childBirthDate.toString())) {
      assertThat(tablesContaining(trace)).as("tables holding " + trace).isEmpty();
    }

    page.navigate(baseUrl() + "/signup");
    fillSignUp(page, "grown.up@kinora.test", "Grown Up", LocalDate.now().minusYears(34), "SE");
    BrowserAccounts.createAccount(page);
    // signed in at once, in the studio, asked to confirm the email
    page.waitForURL(baseUrl() + "/");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New video")))
        .isVisible();
    assertThat(page.locator(".confirm-email")).containsText("Confirm your email");
    shoot(page, "account-signed-up-studio.png");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dismiss"))
        .click();
    assertThat(page.locator(".confirm-email")).hasCount(0);
    page.reload();
    assertThat(page.locator(".confirm-email")).hasCount(0); // dismissed for the session

    page.navigate(
        baseUrl() + Mailbox.firstLinkPath(Mailbox.awaitMessage("grown.up@kinora.test", 1)));
    assertThat(page.getByRole(
            AriaRole.HEADING, new Page.GetByRoleOptions().setName("Email confirmed")))
        .isVisible();
    shoot(page, "account-email-confirmed.png");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
        .first()
        .click();
    page.navigate(baseUrl() + "/login");
    shoot(page, "account-sign-in.png");
    BrowserAccounts.signIn(page, "grown.up@kinora.test", "a long browser passphrase");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Account").setExact(true))
        .click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Grown Up")))
        .isVisible();
    shoot(page, "account-page.png");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on two-step sign-in"))
        .click();
    var secret = page.locator("#totp-secret").textContent().replace(" ", "");
    page.waitForFunction("() => document.querySelector('img.qr').naturalWidth > 0");
    shoot(page, "account-totp-setup.png");
    page.getByLabel("Code from the app").fill(code(secret));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on"))
        .click();
    assertThat(page.locator(".recovery-codes li")).hasCount(10);
    shoot(page, "account-recovery-codes.png");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have saved them"))
        .click();
    assertThat(page.getByText("On. You enter a code")).isVisible();

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
        .first()
        .click();
    page.navigate(baseUrl() + "/login");
    BrowserAccounts.signIn(page, "grown.up@kinora.test", "a long browser passphrase");
    assertThat(page.getByRole(
            AriaRole.HEADING, new Page.GetByRoleOptions().setName("Enter your code")))
        .isVisible();
    shoot(page, "account-totp-login.png");
    page.getByLabel("Code").fill(code(secret));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue"))
        .click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New video")))
        .isVisible();
    context.close();
  }

  /** The code an authenticator app shows now for this secret (RFC 6238). */
  static String code(String base32Secret) {
    try {
      var generator = new TimeBasedOneTimePasswordGenerator();
      var key = new SecretKeySpec(new Base32().decode(base32Secret), generator.getAlgorithm());
      return String.format("%06d", generator.generateOneTimePassword(key, Instant.now()));
    } catch (java.security.InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every table of the catalogue with a row that holds the value in any column (binary ones too). */
  List<String> tablesContaining(String value) {
    var tables = jdbc.sql(
            "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")
        .query(String.class)
        .list();
    assertThat(tables).contains("users", "spring_session_attributes", "account_request_contexts");
    return tables.stream()
        .filter(table -> {
          var binary = jdbc.sql(
                  "select column_name from information_schema.columns where table_schema = 'public' and table_name = ? and data_type = 'bytea'")
              .param(table)
              .query(String.class)
              .list();
          var condition = new StringBuilder("position(lower(:value) in lower(t::text)) > 0");
          binary.forEach(column -> condition
              .append(" or position(convert_to(:value, 'UTF8') in t.\"")
              .append(column)
              .append("\") > 0"));
          return jdbc.sql("select count(*) from \"" + table + "\" t where " + condition)
                  .param("value", value)
                  .query(Long.class)
                  .single()
              > 0;
        })
        .toList();
  }
}
