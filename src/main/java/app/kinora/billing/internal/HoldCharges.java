package app.kinora.billing.internal;

import app.kinora.billing.Charge;
import app.kinora.billing.Credits;
import app.kinora.billing.HoldId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What each hold came to, folded from its ledger entries in order: held, then captured or released. */
final class HoldCharges {

  private HoldCharges() {}

  static Map<HoldId, Charge> of(List<LedgerEntry> holdEntries) {
    var charges = new LinkedHashMap<HoldId, Charge>();
    for (var entry : holdEntries) {
      var id = new HoldId(entry.holdId());
      switch (entry.kind()) {
        case HOLD ->
          charges.put(
              id, new Charge(id, Charge.State.HELD, Credits.of(entry.heldChange()), Credits.ZERO));
        case CAPTURE ->
          charges.computeIfPresent(
              id,
              (k, c) ->
                  new Charge(id, Charge.State.CAPTURED, c.quoted(), Credits.of(-entry.amount())));
        case RELEASE ->
          charges.computeIfPresent(
              id, (k, c) -> new Charge(id, Charge.State.RELEASED, c.quoted(), Credits.ZERO));
        default -> {}
      }
    }
    return charges;
  }
}
