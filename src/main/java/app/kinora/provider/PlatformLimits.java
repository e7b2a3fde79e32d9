package app.kinora.provider;

import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many jobs each platform may have at once, on all nodes together: {@code
 * kinora.provider.max-concurrent.<platform>=<n>} (e.g. {@code max-concurrent.fal=4}, the
 * concurrency a platform account allows). A platform without an entry has no cap.
 */
@Validated
@ConfigurationProperties("kinora.provider")
public record PlatformLimits(Map<String, @Min(1) Integer> maxConcurrent) {

  public PlatformLimits {
    maxConcurrent = maxConcurrent == null ? Map.of() : Map.copyOf(maxConcurrent);
  }

  OptionalInt cap(String platform) {
    var cap = maxConcurrent.get(platform);
    return cap == null ? OptionalInt.empty() : OptionalInt.of(cap);
  }
}
