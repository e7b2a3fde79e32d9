package app.kinora.backup.internal;

import app.kinora.backup.BackupProperties;
import app.kinora.generation.GenerationFiles;
import app.kinora.generation.GenerationId;
import app.kinora.media.BlobStore;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import app.kinora.privacy.AccountClosures;
import app.kinora.shared.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the erasure log's entries this database has not seen, as every node starts (before its
 * workers): after a restore these are the erasures and deletions made since the backup, done again
 * through the modules that own the data; on any other start there are none. One node at a time (an
 * advisory lock), each entry in its own transaction together with its mark.
 */
@Component
class ErasureReplay {

  static final String ACCOUNT = "account-erased";
  static final String GENERATION = "generation-deleted";
  static final String UPLOAD = "upload-deleted";
  static final String ACCOUNT_ERASED_STEP = "erased";

  private static final Logger log = LoggerFactory.getLogger(ErasureReplay.class);
  private static final long LOCK = 0x6b696e6f7261L; // "kinora"

  private final ErasureLog erasureLog;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final AccountClosures closures;
  private final GenerationFiles generations;
  private final MediaUploads uploads;
  private final BlobStore store;

  ErasureReplay(
      BackupProperties properties,
      DataSource dataSource,
      TransactionTemplate transactions,
      AccountClosures closures,
      GenerationFiles generations,
      MediaUploads uploads,
      BlobStore store) {
    this.erasureLog = new ErasureLog(properties.erasureLog());
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = transactions;
    this.closures = closures;
    this.generations = generations;
    this.uploads = uploads;
    this.store = store;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void replayOnStart() {
    var applied = replay();
    if (applied > 0) {
      log.info(
          "Erasure log: {} erasure(s) made since the database's backup applied again", applied);
    }
  }

  /** Applies the entries not yet applied here; returns how many. */
  int replay() {
    List<ErasureLog.Entry> entries;
    try {
      entries = erasureLog.entries();
    } catch (IOException e) {
      throw new UncheckedIOException("The erasure log could not be read", e);
    }
    int applied = 0;
    for (var entry : entries) {
      Boolean done = transactions.execute(status -> {
        jdbc.sql("select pg_advisory_xact_lock(?)")
            .param(LOCK)
            .query(Object.class)
            .single();
        if (isApplied(entry)) {
          return false;
        }
        apply(entry);
        markApplied(jdbc, entry);
        return true;
      });
      applied += Boolean.TRUE.equals(done) ? 1 : 0;
    }
    return applied;
  }

  private boolean isApplied(ErasureLog.Entry entry) {
    return jdbc.sql("select count(*) from backup_erasures_applied where entry = ?")
            .param(fingerprint(entry))
            .query(Long.class)
            .single()
        > 0;
  }

  private void apply(ErasureLog.Entry entry) {
    var id = UUID.fromString(entry.id());
    switch (entry.kind()) {
      case ACCOUNT -> closures.erase(new UserId(id));
      case GENERATION -> {
        generations.delete(owner(entry), new GenerationId(id));
        store.deleteAll(entry.keys()); // the files, even where the row was already gone
      }
      case UPLOAD -> uploads.discard(owner(entry), List.of(new UploadId(id)));
      default -> log.warn("Erasure log: unknown entry {} skipped", entry.name());
    }
  }

  private static UserId owner(ErasureLog.Entry entry) {
    return new UserId(UUID.fromString(entry.owner()));
  }

  /**
   * Notes the entry as applied under a one-way fingerprint of its name: the database keeps no id
   * of an erased account, not even here.
   */
  static void markApplied(JdbcClient jdbc, ErasureLog.Entry entry) {
    jdbc.sql("insert into backup_erasures_applied (entry) values (?) on conflict do nothing")
        .param(fingerprint(entry))
        .update();
  }

  private static String fingerprint(ErasureLog.Entry entry) {
    var digest = Checksums.sha256().digest(entry.name().getBytes(StandardCharsets.UTF_8));
    return java.util.HexFormat.of().formatHex(digest);
  }
}
