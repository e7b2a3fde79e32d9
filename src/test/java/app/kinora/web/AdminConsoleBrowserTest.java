package app.kinora.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The operators' console in Chromium, on a phone's screen: find a user, grant credits, see it audited. */
class AdminConsoleBrowserTest extends BrowserTest {

  private static final String PASSWORD = "a long console test passphrase";

  @Autowired
  CreditLedger ledger;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PasswordEncoder passwords;

  @Test
  void anOperatorFindsAUserByEmailGrantsCreditsAndTheAuditLogListsIt() {
    var email = "console.grantee@kinora.test";
    var user = TestAccounts.newUser(jdbc, "USER", email, passwords.encode(PASSWORD));
    long before = ledger.balance(user).available().value();

    var phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
    var page = phone.newPage();
    signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    // on a phone the header's links sit in its menu
    page.getByText("Menu", new Page.GetByTextOptions().setExact(true)).click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Console").setExact(true))
        .click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Console");
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve("admin-overview-phone.png"))
        .setFullPage(true));
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users").setExact(true))
        .click();
    page.getByLabel("Email or name").fill("CONSOLE.grantee");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
        .click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(email)).click();

    var grant = page.locator("form")
        .filter(new com.microsoft.playwright.Locator.FilterOptions()
            .setHasText("Give or take credits"));
    grant.getByLabel("Credits").fill("100");
    grant.getByLabel("Reason").fill("Payments are not set up yet");
    grant
        .getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Apply"))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Granted 100 credits to " + email);
    assertThat(page.locator("#available")).hasText(Long.toString(before + 100));
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve("admin-user-phone.png"))
        .setFullPage(true));

    page.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log").setExact(true))
        .first()
        .click();
    page.getByLabel("Action starts with").fill("admin.credits");
    page.getByLabel("About the account").fill(email);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
        .click();
    var row = page.locator("#audit-events tbody tr").first();
    assertThat(row).containsText("admin.credits_granted");
    assertThat(row).containsText("100 credits · reason: Payments are not set up yet");
    assertThat(row).containsText("operator");
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve("admin-audit-phone.png"))
        .setFullPage(true));
    phone.close();

    // the user sees it on their own Credits page, as an adjustment with the operator's reason
    var own = browser.newContext();
    page = own.newPage();
    signIn(page, email, PASSWORD);
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Console")))
        .hasCount(0);
    page.navigate(baseUrl() + "/credits");
    assertThat(page.locator("#available")).hasText(Long.toString(before + 100));
    assertThat(page.locator("#history")).containsText("Payments are not set up yet");
    own.close();
    assertThat(jdbc.sql(
                "select count(*) from credit_entries where user_id = ? and kind = 'adjustment'")
            .param(user.value())
            .query(Long.class)
            .single())
        .isEqualTo(1);
  }

  private void signIn(Page page, String email, String password) {
    page.navigate(baseUrl() + "/login");
    if (page.locator(".consent-banner").count() > 0) {
      rejectOptionalCookies(page);
    }
    BrowserAccounts.signIn(page, email, password);
    page.waitForURL(url -> !url.contains("/login"));
  }
}
