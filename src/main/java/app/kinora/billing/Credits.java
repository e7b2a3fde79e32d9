package app.kinora.billing;

/** A number of credits. Balances may be negative (after a refund); prices and holds never are. */
public record Credits(long value) implements Comparable<Credits> {

  public static final Credits ZERO = new Credits(0);

  public static Credits of(long value) {
    return new Credits(value);
  }

  public Credits plus(Credits other) {
    return new Credits(Math.addExact(value, other.value));
  }

  public Credits minus(Credits other) {
    return new Credits(Math.subtractExact(value, other.value));
  }

  public boolean isNegative() {
    return value < 0;
  }

  @Override
  public int compareTo(Credits other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value == 1 ? "1 credit" : value + " credits";
  }
}
