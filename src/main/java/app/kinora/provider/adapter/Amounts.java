package app.kinora.provider.adapter;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/** Amounts platforms report (cost, seconds billed): non-negative numbers, or nothing. */
final class Amounts {

  private Amounts() {}

  /** A non-negative number a platform sent as a JSON number or a string; null when absent or not one. */
  static BigDecimal of(JsonNode value) {
    return value == null || value.isMissingNode() || value.isNull() ? null : of(value.asString());
  }

  /** A non-negative number written as text (a header); null when absent or not one. */
  static BigDecimal of(String text) {
    if (text == null) {
      return null;
    }
    try {
      var amount = new BigDecimal(text.strip());
      return amount.signum() < 0 ? null : amount;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
