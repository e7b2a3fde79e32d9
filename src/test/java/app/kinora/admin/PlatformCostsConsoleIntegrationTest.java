package app.kinora.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.account.WebSession;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.billing.HoldId;
import app.kinora.billing.PriceRequest;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the platforms cost against what Kinora charged, per model, on the console's overview; and
 * the platforms page's count of submissions a platform could not confirm.
 */
class PlatformCostsConsoleIntegrationTest extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  CreditLedger ledger;

  @Autowired
  TransactionTemplate transactions;

  @Test
  void theOverviewSetsEachModelsPlatformCostAgainstTheCreditsCharged() {
    var model = "cost-check-" + UUID.randomUUID().toString().substring(0, 8);
    var owner = TestAccounts.newUser(jdbc, "USER");
    ledger.grant(owner, Credits.of(500), "Test credits", "test");
    // a video made on its second route, whose platform reported a price (0.75 USD), after the
    // first route refused it; captured at its quote
    var made = UUID.randomUUID();
    long charged = holdAndEnd(owner, made, true);
    transfer(made, owner, model, "provider_unavailable", "0.40", null, null, null);
    transfer(made, owner, model, "completed", "1.20", "0.75", null, null);
    // a video its platform finished without a price (estimated at 1.20 USD, 5 of its credits),
    // whose credits went back to the user when a later step failed
    var refunded = UUID.randomUUID();
    holdAndEnd(owner, refunded, false);
    transfer(refunded, owner, model, "completed", "1.20", null, "5", "credits");

    var page = operator().get("/admin");

    assertThat(page.status()).isEqualTo(200);
    var row = row(page.body(), model);
    assertThat(cells(row))
        .containsExactly(
            model,
            "2",
            Long.toString(charged),
            BigDecimal.valueOf(charged)
                .divide(new BigDecimal("20"), 2, RoundingMode.HALF_UP)
                .toPlainString(),
            "1.95 1.20 estimated",
            "5 credits");
    assertThat(page.body())
        .contains(
            "Platform cost is the price a platform reported where it reports one",
            "at 20 credits per US dollar.");
  }

  @Test
  void thePlatformsPageCountsTheWeeksUnconfirmedSubmissionsAndSaysWhatToDo() {
    var owner = TestAccounts.newUser(jdbc, "USER");
    transfer(UUID.randomUUID(), owner, "gateway-sora", "unconfirmed", null, null, null, null);
    jdbc.sql("""
            update provider_transfers set sent_at = now() - interval '8 days'
             where id = (select id from provider_transfers where user_id = ? limit 1)""").param(owner.value()).update();
    transfer(UUID.randomUUID(), owner, "gateway-sora", "unconfirmed", null, null, null, null);
    transfer(UUID.randomUUID(), owner, "gateway-sora", "completed", null, null, null, null);
    long lastWeek = jdbc.sql("""
            select count(*) from provider_transfers
             where provider = 'openai-gateway' and outcome = 'unconfirmed'
               and sent_at >= now() - interval '7 days'""").query(Long.class).single();

    var body = operator().get("/admin/platforms").body();

    var section = body.substring(body.indexOf("id=\"unconfirmed\""));
    assertThat(section)
        .contains(
            "Kinora lost the platform's answer to these submissions and the platform could not"
                + " say whether it took them: check the platform's dashboard for a job to cancel.");
    assertThat(cells(row(section, "openai-gateway")))
        .containsExactly("openai-gateway", "Test gateway", Long.toString(lastWeek));
  }

  /** The latest failures come first, in a sentence; successes and cancellations are left out. */
  @Test
  void thePlatformsPageListsTheLastErrorsNewestFirst() {
    var owner = TestAccounts.newUser(jdbc, "USER");
    transfer(UUID.randomUUID(), owner, "gateway-sora", "timeout", null, null, null, null);
    transfer(UUID.randomUUID(), owner, "gateway-sora", "completed", null, null, null, null);
    transfer(
        UUID.randomUUID(), owner, "gateway-sora", "moderation_blocked", null, null, null, null);
    jdbc.sql("""
            update provider_transfers set finished_at = now() + interval '1 hour'
             where user_id = ? and outcome = 'timeout'""").param(owner.value()).update();
    jdbc.sql("""
            update provider_transfers set finished_at = now() + interval '30 minutes'
             where user_id = ? and outcome in ('moderation_blocked', 'completed')""").param(owner.value()).update();

    var body = operator().get("/admin/platforms").body();

    var section = body.substring(body.indexOf("id=\"recent-failures\""));
    var latest = Pattern.compile("<tbody>\\s*(<tr>.*?</tr>)\\s*(<tr>.*?</tr>)", Pattern.DOTALL)
        .matcher(section);
    assertThat(latest.find()).as(section).isTrue();
    assertThat(cells(latest.group(1)))
        .endsWith("Test gateway", "sora-2", "timeout The video service took too long to answer.");
    assertThat(cells(latest.group(2))).last().asString().startsWith("moderation_blocked");
  }

  /** Holds a price for a 4 s video and captures or releases it; returns the credits charged. */
  private long holdAndEnd(UserId owner, UUID generation, boolean capture) {
    var work = new PriceRequest("kinora-local", 4, new VideoSize(1280, 720), false);
    var hold = new HoldId(generation);
    transactions.executeWithoutResult(status -> {
      ledger.hold(owner, hold, work, "video_test");
      if (capture) {
        ledger.capture(hold, work);
      } else {
        ledger.release(hold, "Returned: the video failed");
      }
    });
    return ledger.charges(List.of(hold)).get(hold).charged().value();
  }

  /** A row of the transfer log as a route writes it. */
  private void transfer(
      UUID generation,
      UserId owner,
      String model,
      String outcome,
      String listed,
      String reportedUsd,
      String units,
      String unit) {
    jdbc.sql("""
            insert into provider_transfers
              (id, generation_id, user_id, provider, provider_name, country, model, fields, media, sent_at,
               outcome, requested_model, listed_cost_usd, reported_cost_usd, reported_units, reported_unit)
            values (gen_random_uuid(), ?, ?, 'openai-gateway', 'Test gateway', 'US', 'sora-2', 'prompt',
                    '[]', now(), ?, ?, cast(? as numeric), cast(? as numeric), cast(? as numeric), ?)""")
        .params(generation, owner.value(), outcome, model, listed, reportedUsd, units, unit)
        .update();
  }

  /** The table row whose first cell is {@code first}. */
  private static String row(String html, String first) {
    var matcher = Pattern.compile(
            "<tr>\\s*<td>" + Pattern.quote(first) + "</td>.*?</tr>", Pattern.DOTALL)
        .matcher(html);
    assertThat(matcher.find()).as("a row for %s in %s", first, html).isTrue();
    return matcher.group();
  }

  private static List<String> cells(String row) {
    var cells = new java.util.ArrayList<String>();
    var matcher = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL).matcher(row);
    while (matcher.find()) {
      cells.add(
          matcher.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
    }
    return cells;
  }

  private WebSession operator() {
    var session = new WebSession(baseUrl());
    session.submit("/login", "/login", Map.of("username", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
    return session;
  }
}
