package app.kinora.billing.internal;

import app.kinora.billing.HoldId;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The cost line of a generation's card, read by templates as {@code @creditCosts.of(id)}: the
 * card belongs to the generation module, the cost to billing.
 */
@Component("creditCosts")
class CardCosts {

  private final Ledger ledger;

  CardCosts(Ledger ledger) {
    this.ledger = ledger;
  }

  /** "6 credits held", "6 credits" or "0 credits (6 returned)"; null when nothing was held. */
  public String of(UUID generation) {
    var hold = new HoldId(generation);
    var charge = ledger.charges(List.of(hold)).get(hold);
    if (charge == null) {
      return null;
    }
    return switch (charge.state()) {
      case HELD -> charge.quoted() + " held";
      case CAPTURED -> charge.charged().toString();
      case RELEASED -> "0 credits (" + charge.quoted().value() + " returned)";
    };
  }
}
