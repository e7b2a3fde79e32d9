package app.kinora.billing.internal;

import app.kinora.billing.Balance;
import app.kinora.billing.Credits;
import app.kinora.billing.InsufficientCredits;

/** The refusal of work the user cannot pay for now, in words for the user. */
final class ShortOfCredits {

  private ShortOfCredits() {}

  static void refuseIfShort(Credits price, Balance balance) {
    if (balance.frozen()) {
      throw new InsufficientCredits(
          price,
          balance.available(),
          "Your credits are frozen while a payment dispute is reviewed, so no new video can start.");
    }
    if (balance.available().compareTo(price) < 0) {
      throw new InsufficientCredits(
          price,
          balance.available(),
          "Insufficient credits: this video costs %s and you have %s available."
              .formatted(price, balance.available()));
    }
  }
}
