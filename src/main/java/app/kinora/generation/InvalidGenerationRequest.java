package app.kinora.generation;

/** A generation request that cannot be accepted, naming the parameter at fault. */
public class InvalidGenerationRequest extends RuntimeException {

  private final String param;
  private final String code;

  public InvalidGenerationRequest(String param, String code, String message) {
    super(message);
    this.param = param;
    this.code = code;
  }

  /** The request field at fault: {@code model}, {@code prompt}, {@code seconds}, {@code size}. */
  public String param() {
    return param;
  }

  /** A machine-readable code such as {@code invalid_size}. */
  public String code() {
    return code;
  }
}
