package app.kinora.privacy.internal;

import app.kinora.privacy.DataExports;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable "data-export" job: any node may build the archive; if the node dies, another takes
 * the job over. After three failed tries the export is marked failed and the user may ask again.
 */
@Configuration(proxyBeanMethods = false)
class DataExportJobConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DataExportJobConfiguration.class);
  private static final int TRIES = 3;

  @Bean
  OneTimeTask<String> dataExportTask(ObjectProvider<DataExports> exports) {
    return Tasks.oneTime("data-export", String.class).execute((instance, context) -> {
      var id = UUID.fromString(instance.getData());
      try {
        exports.getObject().build(id);
      } catch (IOException | RuntimeException e) {
        if (context.getExecution().consecutiveFailures + 1 >= TRIES) {
          log.error("Data export {} failed {} times; marked failed", id, TRIES, e);
          exports.getObject().fail(id);
          return;
        }
        throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
      }
    });
  }
}
