package app.kinora.media;

/** A media file that Kinora will not accept, with a reason fit to show the user. */
public class MediaRejected extends RuntimeException {

  public MediaRejected(String reason) {
    super(reason);
  }

  public MediaRejected(String reason, Throwable cause) {
    super(reason, cause);
  }
}
