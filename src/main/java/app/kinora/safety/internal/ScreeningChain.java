package app.kinora.safety.internal;

import app.kinora.audit.AuditTrail;
import app.kinora.safety.ContentBlocked;
import app.kinora.safety.ContentScreening;
import app.kinora.safety.SafetyProperties;
import app.kinora.safety.ScreenedImage;
import app.kinora.safety.ScreeningUnavailable;
import app.kinora.safety.SubmissionsSuspended;
import app.kinora.safety.spi.Screener;
import app.kinora.shared.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Runs the screeners in order; the first objection refuses the request. Each refusal is a strike
 * (recorded and audited, without the prompt unless the operator keeps them for review); the strike
 * that reaches the configured count within the window suspends the account's submissions.
 */
@Service
class ScreeningChain implements ContentScreening {

  private final List<Screener> screeners;
  private final SafetyStore store;
  private final AuditTrail audit;
  private final SafetyProperties properties;
  private final Clock clock;

  ScreeningChain(
      List<Screener> screeners,
      SafetyStore store,
      AuditTrail audit,
      SafetyProperties properties,
      Clock clock) {
    this.screeners = screeners;
    this.store = store;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void screen(UserId user, List<String> texts) {
    if (store.suspended(user)) {
      throw new SubmissionsSuspended();
    }
    var given =
        texts.stream().filter(Objects::nonNull).filter(t -> !t.isBlank()).toList();
    if (given.isEmpty()) {
      return;
    }
    boolean failClosed = store.settings().failClosed();
    for (var screener : screeners) {
      try {
        var category = screener.screen(given);
        if (category.isPresent()) {
          strike(user, "screening", category.get(), screener.name(), String.join("\n", given));
          throw new ContentBlocked(category.get());
        }
      } catch (Screener.ScreenerUnavailable e) {
        unavailable(user, screener, failClosed);
      }
    }
  }

  @Override
  public void screenImages(UserId user, List<ScreenedImage> images) {
    if (images.isEmpty()) {
      return;
    }
    boolean failClosed = store.settings().failClosed();
    for (var screener : screeners) {
      if (!screener.takesImages()) {
        continue;
      }
      try {
        var category = screener.screenImages(images);
        if (category.isPresent()) {
          strike(user, "screening", category.get(), screener.name() + " (image)", null);
          throw ContentBlocked.image(category.get());
        }
      } catch (Screener.ScreenerUnavailable e) {
        unavailable(user, screener, failClosed);
      }
    }
  }

  @Override
  public boolean screensImages() {
    return screeners.stream().anyMatch(Screener::takesImages);
  }

  private void unavailable(UserId user, Screener screener, boolean failClosed) {
    audit.record(
        AuditTrail.ActorKind.SYSTEM,
        null,
        "safety.screener_unavailable",
        user,
        screener.name()
            + (failClosed ? ": request refused (fail closed)" : ": let through (fail open)"));
    if (failClosed) {
      throw new ScreeningUnavailable();
    }
  }

  @Override
  public void platformRefused(UserId user, String model) {
    strike(user, "platform", "platform_policy", model, null);
  }

  /**
   * Records the refusal and suspends at the last strike. Screening runs before the submission's
   * transaction, so each statement commits on its own and stays when the request is refused.
   */
  void strike(UserId user, String source, String category, String screener, String prompt) {
    var now = clock.instant();
    boolean keep = store.settings().keepPrompts() && prompt != null;
    store.recordBlock(user, source, category, screener, keep ? prompt : null, now);
    audit.record(
        AuditTrail.ActorKind.SYSTEM,
        null,
        "safety.blocked",
        user,
        "category " + category + ", by " + screener + (keep ? " (prompt kept for review)" : ""));
    if (store.strikes(user, now.minus(properties.strikeWindow())) >= properties.strikes()
        && store.suspend(user, "%d refusals within %s".formatted(properties.strikes(), window()))) {
      audit.record(
          AuditTrail.ActorKind.SYSTEM,
          null,
          "safety.submissions_suspended",
          user,
          "%d refusals within %s".formatted(properties.strikes(), window()));
    }
  }

  private String window() {
    var hours = properties.strikeWindow().toHours();
    return hours >= 1 ? hours + " h" : properties.strikeWindow().toMinutes() + " min";
  }
}
