package app.kinora.billing;

/** A hold was refused: the available credits do not cover the price, or the account is frozen. */
public class InsufficientCredits extends RuntimeException {

  private final Credits required;
  private final Credits available;

  public InsufficientCredits(Credits required, Credits available, String message) {
    super(message);
    this.required = required;
    this.available = available;
  }

  public Credits required() {
    return required;
  }

  public Credits available() {
    return available;
  }
}
