package app.kinora.api;

import static app.kinora.api.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.billing.PriceRequest;
import app.kinora.shared.VideoSize;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code credits} extension of the video object and the 402 for insufficient credits. */
class VideoCreditsApiIntegrationTest extends IntegrationTest {

  @Autowired
  CreditLedger ledger;

  @Autowired
  JdbcClient jdbc;

  @Test
  void theVideoObjectCarriesItsPriceFromQuoteToCharge() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));
    var start = ledger.balance(user).balance();
    var quote = ledger.quote(new PriceRequest("kinora-local", 3, new VideoSize(854, 480), false));

    var created = api.postJson(
        "/v1/videos",
        Map.of(
            "prompt",
            "A paper boat on a stream",
            "seconds",
            "3",
            "size",
            "854x480",
            "generate_audio",
            false));
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().path("credits").asLong()).isEqualTo(quote.value());
    var id = created.json().path("id").asString();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> api.get("/v1/videos/" + id).json().path("status").asString(),
            status -> status.equals("completed"));
    assertThat(api.get("/v1/videos/" + id).json().path("credits").asLong())
        .isEqualTo(quote.value());
    assertThat(api.get("/v1/videos").json().path("data").get(0).path("credits").asLong())
        .isEqualTo(quote.value());
    assertThat(ledger.balance(user).balance()).isEqualTo(start.minus(quote));
  }

  @Test
  void refusesWith402InTheOpenAiErrorShapeWhenCreditsRunShort() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));
    ledger.adjust(
        user, Credits.of(2).minus(ledger.balance(user).balance()), "leave 2", "operator:test");

    var refused =
        api.postJson("/v1/videos", Map.of("prompt", "Too long for my credits", "seconds", "8"));

    assertError(refused, 402, "insufficient_credits", null);
    assertThat(refused.json().path("error").path("message").asString())
        .contains("2 credits available");
    assertThat(api.get("/v1/videos").json().path("data").size()).isZero();
  }
}
