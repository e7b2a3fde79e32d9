package app.kinora.platform;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Kinora keeps its state on this machine and how its job workers behave.
 *
 * @param dataDir root of the embedded database and local files ({@code kinora.data-dir})
 * @param jobs the generation workers of this node
 * @param node what this node does in a cluster and how it stops
 */
@Validated
@ConfigurationProperties("kinora")
public record PlatformProperties(
    @NotNull @DefaultValue("./data") Path dataDir,
    @DefaultValue Jobs jobs,
    @DefaultValue Node node) {

  /** What a node can be: a web server, a job worker, or (the default) both. */
  public enum Role {
    WEB,
    WORKER
  }

  /**
   * @param roles {@code web} serves pages and the API, {@code worker} runs jobs; both by default
   * @param drainGrace on SIGTERM, how long running jobs may take to finish before they are handed
   *     back to other nodes
   */
  public record Node(
      @NotEmpty @DefaultValue({"web", "worker"}) Set<Role> roles,
      @NotNull @DefaultValue("30s") Duration drainGrace) {

    public boolean isWeb() {
      return roles.contains(Role.WEB);
    }

    public boolean isWorker() {
      return roles.contains(Role.WORKER);
    }
  }

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
