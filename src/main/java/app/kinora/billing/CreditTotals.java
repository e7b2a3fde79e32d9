package app.kinora.billing;

import java.time.Instant;
import java.util.Map;

/** What moved through the ledger, for the operators' overview. */
public interface CreditTotals {

  /** Sums of the ledger's entries since the given time. */
  Totals since(Instant since);

  /**
   * @param granted given by operators and as starter credits
   * @param purchased bought through payments
   * @param spent taken for videos made (captures)
   * @param adjusted operators' corrections, given minus taken
   * @param revenue money received for paid purchases, by currency, in the currency's smallest unit
   */
  record Totals(
      Credits granted,
      Credits purchased,
      Credits spent,
      Credits adjusted,
      Map<String, Long> revenue) {}
}
