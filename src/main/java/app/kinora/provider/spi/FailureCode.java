package app.kinora.provider.spi;

import java.util.Locale;

/**
 * Why a provider could not make a video: a machine code for API clients and a reason a person
 * understands. {@link #allowsFallback()} says whether another route may try the same request.
 */
public enum FailureCode {
  MODERATION_BLOCKED(
      false,
      "The provider refused this request under its content rules. Try rewording the prompt or using another picture."),
  INVALID_INPUT(false, "The provider did not accept these settings or references."),
  PROVIDER_UNAVAILABLE(
      true, "The video service is unavailable at the moment. Please try again later."),
  RATE_LIMITED(true, "The video service is busy. Please try again in a few minutes."),
  TIMEOUT(true, "The video service took too long to answer."),
  PROVIDER_ERROR(true, "The video service failed to make this video."),
  EXPIRED(false, "The provider's copy of the video expired before Kinora could collect it."),
  UNCONFIRMED(
      false,
      "The video service did not confirm that it took this video, so Kinora stopped here. Nothing was charged; please try again."),
  CANCELLED(false, "The video was cancelled."),
  RENDER_FAILED(false, "The local renderer could not draw or encode the video.");

  private final boolean fallback;
  private final String reason;

  FailureCode(boolean fallback, String reason) {
    this.fallback = fallback;
    this.reason = reason;
  }

  /** {@code moderation_blocked}, {@code provider_unavailable}, … */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A sentence for the user; never contains the platform's wording or ids. */
  public String reason() {
    return reason;
  }

  public boolean allowsFallback() {
    return fallback;
  }
}
