package app.kinora.privacy.internal;

import app.kinora.privacy.AccountClosures;
import app.kinora.privacy.spi.RetentionRule;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Closed accounts are erased when their grace period is over. */
@Component
class ClosedAccountRetention implements RetentionRule {

  private final ObjectProvider<AccountClosures> closures;

  ClosedAccountRetention(ObjectProvider<AccountClosures> closures) {
    this.closures = closures;
  }

  @Override
  public String category() {
    return "closed-accounts";
  }

  @Override
  public String description() {
    return "A closed account, until it is erased (signing in again before then cancels the closure)";
  }

  @Override
  public Duration defaultPeriod() {
    return Duration.ofDays(14);
  }

  @Override
  public long purge(Instant cutoff) {
    var accounts = closures.getObject();
    return accounts.eraseDue(cutoff.plus(accounts.gracePeriod()));
  }
}
