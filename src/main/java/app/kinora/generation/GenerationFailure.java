package app.kinora.generation;

/** Why a generation failed: a machine-readable code and a message for the user. */
public record GenerationFailure(String code, String message) {

  /** Stopped by its owner rather than failed. */
  public boolean isCancellation() {
    return Generation.CANCELLED_CODE.equals(code);
  }

  public static GenerationFailure cancellation() {
    return new GenerationFailure(Generation.CANCELLED_CODE, Generation.CANCELLED_MESSAGE);
  }
}
