package app.kinora.media;

/** A media file that Kinora will not accept, with a reason fit to show the user. */
public class MediaRejected extends RuntimeException {

  /**
   * Why, in HTTP's terms: too large (413), over the user's storage quota (413), a type we do not
   * take (415), or broken (400).
   */
  public enum Reason {
    TOO_LARGE,
    QUOTA_EXCEEDED,
    UNSUPPORTED_TYPE,
    INVALID
  }

  private final Reason reason;

  public MediaRejected(String message) {
    this(Reason.INVALID, message, null);
  }

  public MediaRejected(String message, Throwable cause) {
    this(Reason.INVALID, message, cause);
  }

  public MediaRejected(Reason reason, String message) {
    this(reason, message, null);
  }

  private MediaRejected(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
