package app.kinora.privacy.internal;

import app.kinora.privacy.DataExports;
import app.kinora.privacy.spi.RetentionRule;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Export archives are deleted, with their requests, once they have expired. */
@Component
class DataExportRetention implements RetentionRule {

  /** Lazily: the exports need the job scheduler, which needs the retention job, which needs this. */
  private final ObjectProvider<DataExports> exports;

  DataExportRetention(ObjectProvider<DataExports> exports) {
    this.exports = exports;
  }

  @Override
  public String category() {
    return "data-exports";
  }

  @Override
  public String description() {
    return "Archives made by \"Download my data\", deleted once their download link has expired";
  }

  @Override
  public Duration defaultPeriod() {
    return DataExports.LIFETIME;
  }

  @Override
  public long purge(Instant cutoff) {
    return exports.getObject().expireBefore(cutoff);
  }
}
