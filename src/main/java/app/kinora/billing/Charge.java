package app.kinora.billing;

/**
 * What a hold became: still held, captured at a price no higher than the quote, or released.
 *
 * @param quoted the credits held when the work was submitted
 * @param charged the credits taken when the hold was captured; zero otherwise
 */
public record Charge(HoldId hold, State state, Credits quoted, Credits charged) {

  public enum State {
    HELD,
    CAPTURED,
    RELEASED
  }

  /** The credits this work costs the user as things stand: the quote while held. */
  public Credits cost() {
    return switch (state) {
      case HELD -> quoted;
      case CAPTURED -> charged;
      case RELEASED -> Credits.ZERO;
    };
  }
}
