package app.kinora.admin.internal;

import app.kinora.provider.PlatformStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The platforms page's flag for submissions whose answer was lost and that the platform could not
 * look up (transfer outcome {@code unconfirmed}): each may have left a job running, and billed, on
 * the platform, which only its dashboard shows. Kept apart from {@link PlatformsController} so that
 * the page's other parts change independently.
 */
@ControllerAdvice(assignableTypes = PlatformsController.class)
class UnconfirmedSubmissions {

  static final Duration PERIOD = Duration.ofDays(7);

  private final PlatformStatus platforms;
  private final Clock clock;

  UnconfirmedSubmissions(PlatformStatus platforms, Clock clock) {
    this.platforms = platforms;
    this.clock = clock;
  }

  @ModelAttribute("unconfirmed")
  List<Count> unconfirmed() {
    var names = new HashMap<String, String>();
    platforms.platforms().forEach(p -> names.put(p.id(), p.name()));
    return platforms.unconfirmedSince(clock.instant().minus(PERIOD)).entrySet().stream()
        .map(e -> new Count(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
        .toList();
  }

  /** A platform's unconfirmed submissions over the period. */
  public record Count(String platform, String name, long submissions) {}
}
