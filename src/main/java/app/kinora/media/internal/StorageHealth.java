package app.kinora.media.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.MediaProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/storage} (in the readiness group): writes, reads back and deletes a tiny
 * object of this node's own, so a full disk, a read-only mount or a bucket refusing the node's
 * credentials takes the node out of the load balancer. Checked at most every {@value
 * #EVERY_SECONDS} seconds, since probes come often.
 */
@Component("storage")
class StorageHealth implements HealthIndicator {

  private static final long EVERY_SECONDS = 10;

  private final BlobStore store;
  private final MediaProperties properties;
  private final Clock clock;
  private final BlobKey probe = new BlobKey("health/" + UUID.randomUUID());
  private volatile Health last;
  private volatile Instant checkedAt = Instant.EPOCH;

  StorageHealth(BlobStore store, MediaProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Health health() {
    var now = clock.instant();
    if (last == null || Duration.between(checkedAt, now).toSeconds() >= EVERY_SECONDS) {
      last = check();
      checkedAt = now;
    }
    return last;
  }

  private Health check() {
    var kind = properties.storage().name().toLowerCase(java.util.Locale.ROOT);
    try {
      var file =
          Files.createTempFile(Files.createDirectories(properties.workDir()), "health", ".txt");
      try {
        Files.writeString(file, "ok");
        store.put(probe, file);
        var back = store.open(probe).orElseThrow(() -> new IOException("written, then not found"));
        if (back.contentLength() != 2) {
          throw new IOException("read back " + back.contentLength() + " bytes instead of 2");
        }
        store.delete(probe);
      } finally {
        Files.deleteIfExists(file);
      }
      return Health.up().withDetail("store", kind).build();
    } catch (IOException | RuntimeException e) {
      return Health.down()
          .withDetail("store", kind)
          .withDetail("error", e.toString())
          .build();
    }
  }
}
