package app.kinora.provider.spi;

import java.util.Objects;

/**
 * A job on a platform. Both values are the platform's and stay inside Kinora: they are kept in the
 * transfer log to resume a job after a restart, and never shown to users or API clients.
 *
 * @param id the platform's job id
 * @param locator whatever else the adapter needs to find the job again (an endpoint, an operation
 *     name); empty when the id is enough
 */
public record RemoteJob(String id, String locator) {

  public RemoteJob {
    Objects.requireNonNull(id, "id");
    locator = locator == null ? "" : locator;
  }

  public static RemoteJob of(String id) {
    return new RemoteJob(id, "");
  }
}
