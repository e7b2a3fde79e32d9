package app.kinora.generation;

/** A generation request that cannot be accepted, naming the parameter at fault. */
public class InvalidGenerationRequest extends RuntimeException {

  /**
   * Why, in the terms HTTP answers in: the request itself, a file too large, a file of a kind not
   * taken, an account that may not ask for videos now, a check that cannot be made now.
   */
  public enum Problem {
    INVALID,
    TOO_LARGE,
    UNSUPPORTED_TYPE,
    FORBIDDEN,
    UNAVAILABLE
  }

  private final String param;
  private final String code;
  private final Problem problem;

  public InvalidGenerationRequest(String param, String code, String message) {
    this(param, code, message, Problem.INVALID, null);
  }

  public InvalidGenerationRequest(
      String param, String code, String message, Problem problem, Throwable cause) {
    super(message, cause);
    this.param = param;
    this.code = code;
    this.problem = problem;
  }

  /** The request field at fault: {@code model}, {@code prompt}, {@code seconds}, {@code size}. */
  public String param() {
    return param;
  }

  /** A machine-readable code such as {@code invalid_size}. */
  public String code() {
    return code;
  }

  public Problem problem() {
    return problem;
  }
}
