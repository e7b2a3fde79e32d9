package app.kinora.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.billing.CreditsRanLow;
import app.kinora.billing.HoldId;
import app.kinora.billing.PriceRequest;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link CreditsRanLow} (threshold 20 by default) is published by the capture that takes the
 * available credits below the threshold, not by later ones while they stay low, and again after a
 * top-up brought them back up.
 */
@RecordApplicationEvents
class LowCreditsIntegrationTest extends IntegrationTest {

  /** 4 credits: 4 seconds at 480p on the local model. */
  private static final PriceRequest FOUR_CREDITS =
      new PriceRequest("kinora-local", 4, new VideoSize(480, 480), false);

  @Autowired
  CreditLedger ledger;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApplicationEvents events;

  @Test
  void theCaptureThatCrossesTheThresholdSaysSoOnce() {
    var user = TestAccounts.newUser(jdbc, "USER");
    setAvailable(user, 22);

    var first = spend(user); // 22 -> 18: crosses
    var low = events.stream(CreditsRanLow.class).toList();
    assertThat(low).hasSize(1);
    assertThat(low.getFirst().user()).isEqualTo(user);
    assertThat(low.getFirst().hold()).isEqualTo(first);
    assertThat(low.getFirst().available()).isEqualTo(Credits.of(18));
    assertThat(low.getFirst().threshold()).isEqualTo(Credits.of(20));

    spend(user); // 18 -> 14: still low, nothing new
    assertThat(events.stream(CreditsRanLow.class)).hasSize(1);

    setAvailable(user, 20);
    spend(user); // 20 -> 16: crosses again after the top-up
    assertThat(events.stream(CreditsRanLow.class)).hasSize(2);
  }

  @Test
  void aCaptureThatLeavesEnoughOrAReleaseSaysNothing() {
    var user = TestAccounts.newUser(jdbc, "USER");
    setAvailable(user, 30);
    spend(user); // 30 -> 26
    var hold = new HoldId(UUID.randomUUID());
    transactions.executeWithoutResult(tx -> {
      ledger.hold(user, hold, FOUR_CREDITS, "test");
      ledger.release(hold, "test");
    });
    assertThat(events.stream(CreditsRanLow.class)).isEmpty();
  }

  private HoldId spend(UserId user) {
    var hold = new HoldId(UUID.randomUUID());
    transactions.executeWithoutResult(tx -> {
      ledger.hold(user, hold, FOUR_CREDITS, "test");
      assertThat(ledger.capture(hold, FOUR_CREDITS)).isTrue();
    });
    return hold;
  }

  private void setAvailable(UserId user, long credits) {
    var now = ledger.balance(user).available().value();
    if (now != credits) {
      ledger.adjust(user, Credits.of(credits - now), "test", "test");
    }
    assertThat(ledger.balance(user).available()).isEqualTo(Credits.of(credits));
  }
}
