package app.kinora.web;

import app.kinora.IntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that drive the running application in Debian's Chromium (headless, offline). */
public abstract class BrowserTest extends IntegrationTest {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  protected static Playwright playwright;
  protected static Browser browser;

  @BeforeAll
  static void launchBrowser() {
    playwright = Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright
        .chromium()
        .launch(new BrowserType.LaunchOptions()
            .setExecutablePath(Path.of("/usr/bin/chromium"))
            .setHeadless(true)
            .setArgs(List.of(
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync")));
  }

  /** Answers the cookie banner as a privacy-minded visitor would: one click on "Reject all". */
  protected static void rejectOptionalCookies(Page page) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject all"))
        .click();
    page.waitForSelector(
        ".consent-banner",
        new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }
}
