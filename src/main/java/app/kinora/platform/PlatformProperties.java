package app.kinora.platform;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Kinora keeps its state on this machine and how its job workers behave.
 *
 * @param dataDir root of the embedded database and local files ({@code kinora.data-dir})
 * @param jobs the generation workers of this node
 */
@Validated
@ConfigurationProperties("kinora")
public record PlatformProperties(
    @NotNull @DefaultValue("./data") Path dataDir,
    @DefaultValue Jobs jobs) {

  /**
   * @param threads concurrent jobs on this node
   * @param pollingInterval how often idle workers look for work submitted on other nodes
   * @param heartbeatInterval how often a running job proves its worker is alive
   * @param missedHeartbeats after this many missed heartbeats a job counts as dead and is revived
   *     (at least 4, db-scheduler's floor)
   */
  public record Jobs(
      @Min(1) @DefaultValue("2") int threads,
      @NotNull @DefaultValue("1s") Duration pollingInterval,
      @NotNull @DefaultValue("3s") Duration heartbeatInterval,
      @Min(4) @DefaultValue("6") int missedHeartbeats) {}
}
