package app.kinora.safety;

import app.kinora.shared.UserId;
import java.util.List;

/**
 * Screens what a user asks for, before anything is held, stored or sent. A refusal is recorded
 * (a strike) and audited without the text unless the operator keeps prompts for review; enough
 * strikes in the window suspend the account's submissions.
 */
public interface ContentScreening {

  /**
   * @param texts the prompt and the negative prompt (nulls and blanks are skipped)
   * @throws SubmissionsSuspended when the account's submissions are suspended
   * @throws ContentBlocked when a screener objects
   * @throws ScreeningUnavailable when a screener could not answer and the setting is fail-closed
   */
  void screen(UserId user, List<String> texts);

  /**
   * Screens the reference images of a request with the screeners that take images (a strike and
   * an audit row like a refused prompt; the image itself is never kept).
   *
   * @throws ContentBlocked when a screener objects
   * @throws ScreeningUnavailable when a screener could not answer and the setting is fail-closed
   */
  void screenImages(UserId user, List<ScreenedImage> images);

  /** Whether any screener takes images (else reading them for {@link #screenImages} is moot). */
  boolean screensImages();

  /** A platform refused the user's request under its own rules: a strike like a block here. */
  void platformRefused(UserId user, String model);
}
