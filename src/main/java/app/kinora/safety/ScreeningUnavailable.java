package app.kinora.safety;

/** Screening could not be done and the operator chose to refuse requests then (fail closed). */
public class ScreeningUnavailable extends RuntimeException {

  public ScreeningUnavailable() {
    super("Requests cannot be checked at the moment, so none are accepted. Please try again in a"
        + " few minutes.");
  }
}
