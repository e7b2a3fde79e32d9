package app.kinora.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.TestAccounts;
import app.kinora.billing.BillingProperties;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.PriceRequest;
import app.kinora.billing.StripeStub;
import app.kinora.shared.VideoSize;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stripe.net.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Credits in Chromium: the studio's live quote, the Credits page, buying a pack through Checkout. */
class CreditsBrowserTest extends BrowserTest {

  @Autowired
  CreditLedger ledger;

  @Autowired
  BillingProperties properties;

  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Autowired
  org.springframework.security.crypto.password.PasswordEncoder passwords;

  @Test
  void showsTheQuoteAsTheFormChangesAndBuysAPackThroughStripeCheckout() throws Exception {
    var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    var page = context.newPage();
    signIn(page, newUser("credit.buyer@kinora.test"));

    StudioChoices.seconds(page, "8");
    StudioChoices.size(page, "1280x720");
    var eight = ledger.quote(new PriceRequest("kinora-local", 8, new VideoSize(1280, 720), true));
    assertThat(page.locator("#quote")).containsText("Costs " + eight.value() + " credits");
    StudioChoices.seconds(page, "2");
    var two = ledger.quote(new PriceRequest("kinora-local", 2, new VideoSize(1280, 720), true));
    assertThat(page.locator("#quote")).containsText("Costs " + two.value() + " credits");
    assertThat(page.locator("#quote")).containsText(properties.starterCredits() + " available");

    var session = "cs_test_browser_checkout";
    StripeStub.server()
        .stubFor(post("/v1/checkout/sessions")
            .willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
            {"id": "%s", "object": "checkout.session", "url": "%s/pay/%s"}""".formatted(session, StripeStub.baseUrl(), session))));
    StripeStub.server()
        .stubFor(get("/pay/" + session)
            .willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>Stripe test checkout</h1></body></html>")));

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Credits").setExact(true))
        .click();
    assertThat(page.locator("#available")).hasText(Long.toString(properties.starterCredits()));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("500 credits · 20.00 EUR"))
        .click();
    page.waitForURL(StripeStub.baseUrl() + "/pay/" + session);
    assertThat(page.getByRole(AriaRole.HEADING)).hasText("Stripe test checkout");

    assertThat(webhook("""
        {"id": "evt_browser_1", "object": "event", "type": "checkout.session.completed",
         "data": {"object": {"id": "%s", "object": "checkout.session", "payment_status": "paid", "status": "complete",
                             "payment_intent": "pi_browser_1", "customer": "cus_browser", "amount_total": 2000,
                             "currency": "eur"}}}""".formatted(session))).isEqualTo(200);

    page.navigate(baseUrl() + "/credits/checkout/success?session_id=" + session);
    assertThat(page.locator("main")).containsText("Your payment is confirmed");
    page.navigate(baseUrl() + "/credits");
    assertThat(page.locator("#available"))
        .hasText(Long.toString(properties.starterCredits() + 500));
    assertThat(page.locator("#payments")).containsText("paid");
    StripeStub.server()
        .stubFor(get(urlPathEqualTo("/v1/charges"))
            .withQueryParam("payment_intent", equalTo("pi_browser_1"))
            .willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
            {"object": "list", "url": "/v1/charges", "has_more": false,
             "data": [{"id": "ch_browser_1", "object": "charge", "payment_intent": "pi_browser_1",
                       "receipt_url": "%s/receipts/ch_browser_1"}]}""".formatted(StripeStub.baseUrl()))));
    StripeStub.server()
        .stubFor(get("/receipts/ch_browser_1")
            .willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>Stripe receipt</h1></body></html>")));
    page.locator("#payments")
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Receipt"))
        .click();
    assertThat(page.getByRole(AriaRole.HEADING)).hasText("Stripe receipt");
    page.navigate(baseUrl() + "/credits");

    page.getByLabel("Purchases").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
        .click();
    assertThat(page.locator("#history tbody tr")).hasCount(1);
    assertThat(page.locator("#history tbody tr")).containsText("Bought studio");
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(StudioBrowserTest.SCREENSHOTS.resolve("credits.png"))
        .setFullPage(true));

    // a video's card shows what it costs and links to its entries
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Studio")).click();
    page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true))
        .fill("A lantern on a quiet pier");
    StudioChoices.seconds(page, "2");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate"))
        .click();
    var cost = page.locator("article.job .cost a").first();
    assertThat(cost).containsText("credits");
    cost.click();
    // one line for the video, named by its prompt, its credits reserved while it renders or
    // charged once it is done (the hold's two ledger entries are one line)
    assertThat(page.locator("#history tbody tr")).hasCount(1);
    assertThat(page.locator("#history tbody tr[data-kind=videos]"))
        .containsText("A lantern on a quiet pier");
    assertThat(page.locator("#history tbody tr[data-kind=videos]"))
        .containsText(java.util.regex.Pattern.compile("reserved|charged"));
    context.close();
  }

  /**
   * Grants are made in the console (found by email, with a reason, audited: see
   * AdminConsoleBrowserTest); the credits page points operators there and shows others nothing.
   */
  @Test
  void operatorsAreSentToTheConsoleToGrantCreditsOthersSeeNothingOfIt() {
    var context = browser.newContext();
    var page = context.newPage();
    signIn(page, newUser("needs.credits@kinora.test"));
    page.navigate(baseUrl() + "/credits");
    assertThat(page.locator("#grant")).hasCount(0);
    context.close();

    var operator = browser.newContext();
    page = operator.newPage();
    signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    page.navigate(baseUrl() + "/credits");
    page.locator("#grant").getByRole(AriaRole.LINK).click();

    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/users$"));
    operator.close();
  }

  private static final String PASSWORD = "a long credits test passphrase";

  /** An account made directly in the database, so these tests do not depend on the sign-up form. */
  private String newUser(String email) {
    TestAccounts.newUser(jdbc, "USER", email, passwords.encode(PASSWORD));
    return email;
  }

  private app.kinora.shared.UserId signIn(Page page, String email) {
    signIn(page, email, PASSWORD);
    return new app.kinora.shared.UserId(
        java.util.UUID.fromString(jdbc.sql("select id::text from users where email = ?")
            .param(email)
            .query(String.class)
            .single()));
  }

  private void signIn(Page page, String email, String password) {
    page.navigate(baseUrl() + "/login");
    if (page.locator(".consent-banner").count() > 0) {
      rejectOptionalCookies(page);
    }
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
        .click();
    assertThat(page.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Credits").setExact(true)))
        .isVisible();
  }

  private int webhook(String event) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/stripe/webhook"))
        .header("Content-Type", "application/json")
        .header(
            "Stripe-Signature",
            Webhook.Signature.generateSignatureHeader(event, StripeStub.WEBHOOK_SECRET))
        .POST(HttpRequest.BodyPublishers.ofString(event))
        .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
