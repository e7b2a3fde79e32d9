package app.kinora.privacy;

import app.kinora.privacy.spi.Subprocessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the operator of this deployment tells its users: who they are, how to reach them, how long
 * each kind of data is kept and who processes it on their behalf. The policy pages are filled
 * from these, so they are always true to the deployment.
 *
 * @param operator the company or person running this Kinora
 * @param consentVersion the version of the consent banner's text; raising it asks everyone again
 * @param retention how long each data category is kept, by category name (see the retention rules)
 * @param retentionInterval how often the retention engine runs
 * @param subprocessors services that process users' data for the operator (hosting, email, …)
 */
@ConfigurationProperties("kinora.privacy")
public record PrivacyProperties(
    Operator operator,
    int consentVersion,
    Map<String, Duration> retention,
    Duration retentionInterval,
    List<Subprocessor> subprocessors) {

  public PrivacyProperties {
    retention = retention == null ? Map.of() : Map.copyOf(retention);
    subprocessors = subprocessors == null ? List.of() : List.copyOf(subprocessors);
  }

  /**
   * @param name legal name of the operator
   * @param address postal address
   * @param contactEmail where privacy requests go
   * @param country where the operator is established
   */
  public record Operator(String name, String address, String contactEmail, String country) {}
}
