package app.kinora.billing;

/**
 * A user's credits: {@code balance} owned (may be negative after a refund), {@code held} for
 * work in progress, and what is left to spend.
 */
public record Balance(Credits balance, Credits held, boolean frozen) {

  public Credits available() {
    return balance.minus(held);
  }
}
