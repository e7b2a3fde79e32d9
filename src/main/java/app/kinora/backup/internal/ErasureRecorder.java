package app.kinora.backup.internal;

import app.kinora.backup.BackupProperties;
import app.kinora.generation.GenerationDeleted;
import app.kinora.media.UploadDiscarded;
import app.kinora.privacy.AccountClosureEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes every erasure and deletion to the erasure log inside the transaction that makes it, before
 * it commits: if the log cannot be written, nothing is erased (and an entry whose transaction then
 * fails only asks a replay to do what its owner asked for). The database notes the entry as
 * applied in the same transaction.
 */
@Component
class ErasureRecorder {

  private final ErasureLog log;
  private final JdbcClient jdbc;
  private final Clock clock;

  ErasureRecorder(BackupProperties properties, DataSource dataSource, Clock clock) {
    this.log = new ErasureLog(properties.erasureLog());
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  @EventListener
  void accountErased(AccountClosureEvent event) {
    if (ErasureReplay.ACCOUNT_ERASED_STEP.equals(event.step())) {
      record(new ErasureLog.Entry(
          ErasureReplay.ACCOUNT,
          event.user().value().toString(),
          null,
          List.of(),
          clock.instant()));
    }
  }

  @EventListener
  void generationDeleted(GenerationDeleted event) {
    record(new ErasureLog.Entry(
        ErasureReplay.GENERATION,
        event.id().value().toString(),
        event.owner().value().toString(),
        event.keys(),
        clock.instant()));
  }

  @EventListener
  void uploadDiscarded(UploadDiscarded event) {
    record(new ErasureLog.Entry(
        ErasureReplay.UPLOAD,
        event.id().value().toString(),
        event.owner().value().toString(),
        List.of(),
        clock.instant()));
  }

  private void record(ErasureLog.Entry entry) {
    try {
      log.append(entry);
    } catch (IOException e) {
      throw new UncheckedIOException("The erasure log could not be written", e);
    }
    ErasureReplay.markApplied(jdbc, entry);
  }
}
