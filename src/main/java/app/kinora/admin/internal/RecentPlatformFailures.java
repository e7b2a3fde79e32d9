package app.kinora.admin.internal;

import app.kinora.provider.PlatformStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The platforms page's last errors: the latest transmissions that failed, with the platform, the
 * model, the failure in a sentence and when. Kept apart from {@link PlatformsController}, like
 * {@link UnconfirmedSubmissions}.
 */
@ControllerAdvice(assignableTypes = PlatformsController.class)
class RecentPlatformFailures {

  static final int SHOWN = 20;

  private final PlatformStatus platforms;

  RecentPlatformFailures(PlatformStatus platforms) {
    this.platforms = platforms;
  }

  @ModelAttribute("recentFailures")
  List<Row> recentFailures() {
    var names = new HashMap<String, String>();
    platforms.platforms().forEach(p -> names.put(p.id(), p.name()));
    return platforms.recentFailures(SHOWN).stream()
        .map(f -> new Row(
            names.getOrDefault(f.platform(), f.platform()),
            f.model(),
            f.code(),
            f.reason(),
            f.at()))
        .toList();
  }

  /** One failed transmission. */
  record Row(String platform, String model, String code, String reason, Instant at) {}
}
