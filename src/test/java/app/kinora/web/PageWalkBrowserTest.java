package app.kinora.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page a visitor and a member see, on a phone (390x844) and a desktop (1440x900): no
 * sideways scrolling, the page's main action within the first screenful, no two controls on top
 * of each other, no serious or critical accessibility violation (axe-core), and no error in the
 * browser's console along the way, in the light and the dark colour scheme, and no heading as large
 * as the page's h1. Screenshots of each page land in target/screenshots/walk-*.
 */
class PageWalkBrowserTest extends BrowserTest {

  /** A page of the walk: how to get there from where the walk is, and its main action. */
  private record Stop(String name, Runnable go, Function<Page, Locator> mainAction) {}

  private final List<String> findings = new ArrayList<>();
  private final List<String> consoleErrors = new ArrayList<>();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"phone", "desktop", "phone-dark", "desktop-dark"})
  void everyPageFitsWorksAndReads(String device) {
    var size = device.startsWith("phone") ? new int[] {390, 844} : new int[] {1440, 900};
    // the system's colour scheme: the pages follow it, and must read as well in dark as in light
    var scheme = device.endsWith("-dark") ? ColorScheme.DARK : ColorScheme.LIGHT;
    try (BrowserContext context = browser.newContext(
        new Browser.NewContextOptions().setViewportSize(size[0], size[1]).setColorScheme(scheme))) {
      var page = context.newPage();
      page.onConsoleMessage(message -> {
        // the browser reports a page answered 404 as an error: that is the point of that page
        boolean notFoundPage =
            message.text().contains("status of 404") && page.url().endsWith("/no-such-page");
        if (message.type().equals("error") && !notFoundPage) {
          consoleErrors.add(page.url() + ": " + message.text());
        }
      });
      page.onPageError(error -> consoleErrors.add(page.url() + ": " + error));

      visit(
          device,
          page,
          new Stop(
              "landing",
              () -> page.navigate(baseUrl() + "/"),
              p -> p.getByRole(
                      AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a free account"))
                  .first()));
      rejectOptionalCookies(page);
      visit(
          device,
          page,
          new Stop(
              "signup",
              () -> page.navigate(baseUrl() + "/signup"),
              p -> p.getByRole(
                  AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))));
      visit(
          device,
          page,
          new Stop(
              "signin",
              () -> page.navigate(baseUrl() + "/login"),
              p -> p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))));
      page.getByLabel("Email").fill(ADMIN_EMAIL);
      page.getByLabel("Password").fill(ADMIN_PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
          .click();
      page.waitForURL(baseUrl() + "/");

      Function<Page, Locator> generate = p -> p.locator("#generate-button");
      visit(device, page, new Stop("studio-idle", () -> {}, generate));
      visit(
          device,
          page,
          new Stop(
              "studio-typing",
              () -> {
                page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true))
                    .fill("A cat on snowy mountains at sunrise, slow aerial shot");
                // the local renderer says what it will draw, and names what it will not
                page.locator(".prompt-reading .not-drawn").waitFor();
                assertThat(page.locator(".prompt-reading .not-drawn").innerText())
                    .contains("cat");
                assertThat(page.locator(".prompt-reading .chip").allInnerTexts())
                    .contains("mountains");
              },
              generate));
      visit(
          device,
          page,
          new Stop(
              "studio-rendering",
              () -> {
                int before = page.locator("#jobs article.job").count();
                generate.apply(page).click();
                page.waitForFunction(
                    "n => document.querySelectorAll('#jobs article.job').length > n", before);
              },
              generate));
      visit(
          device,
          page,
          new Stop(
              "studio-done",
              () -> page.waitForFunction(
                  "() => !document.querySelector('#jobs .live')",
                  null,
                  new Page.WaitForFunctionOptions().setTimeout(120_000)),
              generate));
      if (device.startsWith("phone")) {
        // the phone's menu opens and its links take a tap
        page.getByText("Menu", new Page.GetByTextOptions().setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My library"))
            .click(new com.microsoft.playwright.Locator.ClickOptions().setTimeout(5_000));
        page.waitForURL("**/library");
      }
      visit(
          device,
          page,
          new Stop(
              "library",
              () -> page.navigate(baseUrl() + "/library"),
              p -> p.locator(".item-card .preview").first()));
      // the dense grid: two columns on a phone, four to six on a desktop, from the tiles' boxes
      int columns = libraryColumns(page);
      if (device.startsWith("phone") ? columns != 2 : columns < 4 || columns > 6) {
        findings.add(device + " library: " + columns + " columns in the grid");
      }
      visit(
          device,
          page,
          new Stop(
              "video",
              () -> page.locator(".item-card .preview").first().click(),
              p -> p.locator("video.player")));
      visit(
          device,
          page,
          new Stop(
              "credits",
              () -> page.navigate(baseUrl() + "/credits"),
              p -> p.getByRole(
                  AriaRole.HEADING,
                  new Page.GetByRoleOptions().setName("Credits").setLevel(1))));
      visit(
          device,
          page,
          new Stop(
              "api-keys",
              () -> page.navigate(baseUrl() + "/account/api-keys"),
              p ->
                  p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key"))));
      Function<Page, Locator> addEndpoint =
          p -> p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint"));
      visit(
          device,
          page,
          new Stop("webhooks", () -> page.navigate(baseUrl() + "/account/webhooks"), addEndpoint));
      visit(
          device,
          page,
          new Stop(
              "webhooks-endpoint",
              () -> {
                page.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/page-walk");
                addEndpoint.apply(page).click();
                page.waitForSelector("#webhook-secret");
              },
              p -> p.locator("#webhook-secret")));
      page.getByText("Delete…").click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete endpoint"))
          .click();
      page.waitForSelector("text=You have no webhook endpoints yet.");
      visit(
          device,
          page,
          new Stop(
              "account",
              () -> page.navigate(baseUrl() + "/account"),
              p -> p.getByRole(
                  AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile"))));
      visit(
          device,
          page,
          new Stop(
              "your-data",
              () -> page.navigate(baseUrl() + "/account/privacy"),
              p -> p.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))));
      visit(
          device,
          page,
          new Stop(
              "cookie-settings",
              () -> page.navigate(baseUrl() + "/privacy/cookies"),
              p -> p.getByRole(
                  AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my choice"))));
      visit(
          device,
          page,
          new Stop(
              "not-found",
              () -> page.navigate(baseUrl() + "/no-such-page"),
              p -> p.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))));
    }
    assertThat(findings).isEmpty();
    assertThat(consoleErrors).isEmpty();
  }

  private void visit(String device, Page page, Stop stop) {
    stop.go().run();
    page.waitForLoadState();
    var where = device + " " + stop.name() + ": ";
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve("walk-" + stop.name() + "-" + device + ".png")));

    int viewportWidth = page.viewportSize().width;
    int viewportHeight = page.viewportSize().height;
    var scrollWidth =
        ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    if (scrollWidth > viewportWidth) {
      findings.add(where + "scrolls sideways (" + scrollWidth + " px wide)");
    }

    var action = stop.mainAction().apply(page);
    if (action.count() == 0) {
      findings.add(where + "has no main action");
    } else {
      var box = action.first().boundingBox();
      if (box == null || box.y < 0 || box.y + box.height > viewportHeight) {
        findings.add(where + "main action is not in the first screenful");
      }
    }

    findings.addAll(overlaps(page).stream().map(overlap -> where + overlap).toList());
    if (device.startsWith("phone")) {
      findings.addAll(smallTargets(page).stream().map(small -> where + small).toList());
    }
    findings.addAll(headingsOutOfScale(page).stream().map(h -> where + h).toList());

    var axe = new AxeBuilder(page).analyze();
    axe.getViolations().stream()
        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
        .forEach(v -> findings.add(where + "accessibility: " + v.getId() + " — " + v.getHelp() + " "
            + v.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget()))
                .limit(3)
                .toList()));
  }

  /** How many tiles fit across the library's grid: its width over one tile's (each with a gap). */
  private static int libraryColumns(Page page) {
    return ((Number) page.evaluate("""
            () => {
              const grid = document.querySelector('#grid');
              const tile = grid.querySelector('.item-card').getBoundingClientRect();
              const gap = parseFloat(getComputedStyle(grid).columnGap) || 0;
              return Math.round((grid.getBoundingClientRect().width + gap) / (tile.width + gap));
            }
            """)).intValue();
  }

  /**
   * Controls a finger cannot reliably hit on a phone: buttons, fields, menus and the labels of
   * switches, check boxes and radio cards under 44 px tall (links inside running text are
   * exempt, as WCAG's target-size rule has it).
   */
  @SuppressWarnings("unchecked")
  private static List<String> smallTargets(Page page) {
    return (List<String>) page.evaluate("""
        () => {
          const targets = [...document.querySelectorAll(
              'button, [role=button], select, summary, textarea, input:not([type=hidden])')]
            .map(e => (e.type === 'checkbox' || e.type === 'radio') ? (e.closest('label') || e) : e)
            .filter(e => e.checkVisibility() && !e.closest('[hidden], .sr-only'));
          return [...new Set(targets)]
            .filter(e => e.getBoundingClientRect().height < 43.5)
            .map(e => (e.tagName + ' "' + (e.innerText || e.value || e.name || '').trim().slice(0, 30)
              + '" is ' + Math.round(e.getBoundingClientRect().height) + ' px tall'));
        }
        """);
  }

  /** Headings that render as large as the page's h1 or larger (the type scale runs h1 > h2 > h3). */
  @SuppressWarnings("unchecked")
  private static List<String> headingsOutOfScale(Page page) {
    return (List<String>) page.evaluate("""
        () => {
          const size = e => parseFloat(getComputedStyle(e).fontSize);
          const h1 = [...document.querySelectorAll('main h1')].filter(e => e.checkVisibility());
          if (h1.length === 0) return [];
          const top = Math.min(...h1.map(size));
          return [...document.querySelectorAll('main h2, main h3')]
            .filter(e => e.checkVisibility() && size(e) >= top)
            .map(e => e.tagName + ' "' + e.innerText.trim().slice(0, 30) + '" is ' + size(e)
              + ' px, not smaller than the h1 (' + top + ' px)');
        }
        """);
  }

  /**
   * Pairs of visible controls whose boxes share more than a pixel each way, neither inside the
   * other in the page (a link in a list item, a button in a summary are fine).
   */
  @SuppressWarnings("unchecked")
  static List<String> overlaps(Page page) {
    return (List<String>) page.evaluate("""
        () => {
          const controls = [...document.querySelectorAll(
              'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]')]
            .filter(e => {
              const r = e.getBoundingClientRect();
              return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'
                && e.checkVisibility();
            });
          const name = e => (e.tagName + ' ' + (e.innerText || e.getAttribute('aria-label')
              || e.getAttribute('name') || e.getAttribute('href') || '')).trim().slice(0, 40);
          const found = [];
          for (let i = 0; i < controls.length; i++) {
            for (let j = i + 1; j < controls.length; j++) {
              const a = controls[i], b = controls[j];
              if (a.contains(b) || b.contains(a)) continue;
              const r = a.getBoundingClientRect(), q = b.getBoundingClientRect();
              const w = Math.min(r.right, q.right) - Math.max(r.left, q.left);
              const h = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
              if (w > 1 && h > 1) found.push('"' + name(a) + '" overlaps "' + name(b) + '"');
            }
          }
          return found;
        }
        """);
  }
}
