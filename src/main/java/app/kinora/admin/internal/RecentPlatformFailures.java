package app.kinora.admin.internal;

import app.kinora.provider.PlatformStatus;
import app.kinora.provider.spi.FailureCode;
import java.time.Instant;
import java.util.Arrays;
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
            reason(f.code()),
            f.at()))
        .toList();
  }

  /** The failure's sentence as users read it; a code of its own (the transfer log's) as is. */
  private static String reason(String code) {
    return Arrays.stream(FailureCode.values())
        .filter(c -> c.code().equals(code))
        .map(FailureCode::reason)
        .findFirst()
        .orElse(
            switch (code) {
              case "abandoned" -> "The route was no longer configured when the job was resumed.";
              case "not_accepted" ->
                "The platform had not taken a submission whose answer was lost.";
              default -> "";
            });
  }

  /** One failed transmission. */
  record Row(String platform, String model, String code, String reason, Instant at) {}
}
