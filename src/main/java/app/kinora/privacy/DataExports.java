package app.kinora.privacy;

import app.kinora.notification.Email;
import app.kinora.notification.Mailer;
import app.kinora.privacy.internal.ExportArchiveWriter;
import app.kinora.privacy.spi.AccountDirectory;
import app.kinora.privacy.spi.ArchiveStorage;
import app.kinora.shared.PublicAddress;
import app.kinora.shared.UserId;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * "Download my data" (P11): a request becomes a background job on any node that writes a ZIP of
 * everything every module holds about the user — a documented JSON file and the media files —
 * into shared storage. The owner is told by email; the archive can be downloaded by its owner
 * for seven days, then the retention engine deletes it.
 */
@Service
public class DataExports {

  /** How long a finished archive stays downloadable. */
  public static final Duration LIFETIME = Duration.ofDays(7);

  private static final Logger log = LoggerFactory.getLogger(DataExports.class);

  /** One export request and its state. */
  public record Export(
      UUID id, String status, Instant requestedAt, Instant readyAt, Instant expiresAt, Long bytes) {

    public boolean isReady() {
      return "READY".equals(status);
    }
  }

  private final JdbcClient jdbc;
  private final Scheduler scheduler;
  private final OneTimeTask<String> task;
  private final ExportArchiveWriter writer;
  private final ArchiveStorage storage;
  private final AccountDirectory accounts;
  private final Mailer mailer;
  private final PublicAddress address;
  private final Clock clock;

  DataExports(
      JdbcClient jdbc,
      Scheduler scheduler,
      @Qualifier("dataExportTask") OneTimeTask<String> task,
      ExportArchiveWriter writer,
      ArchiveStorage storage,
      AccountDirectory accounts,
      Mailer mailer,
      PublicAddress address,
      Clock clock) {
    this.accounts = accounts;
    this.mailer = mailer;
    this.address = address;
    this.jdbc = jdbc;
    this.scheduler = scheduler;
    this.task = task;
    this.writer = writer;
    this.storage = storage;
    this.clock = clock;
  }

  /** Asks for a new archive; the job is queued in the same transaction as the request. */
  @Transactional
  public Export request(UserId user) {
    var id = UUID.randomUUID();
    var now = clock.instant();
    jdbc.sql(
            "insert into data_exports (id, user_id, status, requested_at) values (?, ?, 'PENDING', ?)")
        .params(id, user.value(), Timestamp.from(now))
        .update();
    scheduler.schedule(task.instance(id.toString(), id.toString()), now);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        scheduler.triggerCheckForDueExecutions();
      }
    });
    return new Export(id, "PENDING", now, null, null, null);
  }

  /** The user's exports, newest first. */
  public List<Export> list(UserId user) {
    return jdbc.sql("""
            select id, status, requested_at, ready_at, expires_at, bytes from data_exports
             where user_id = ? order by requested_at desc""")
        .param(user.value())
        .query((rs, n) -> new Export(
            rs.getObject(1, UUID.class),
            rs.getString(2),
            rs.getTimestamp(3).toInstant(),
            instant(rs.getTimestamp(4)),
            instant(rs.getTimestamp(5)),
            (Long) rs.getObject(6)))
        .list();
  }

  /** The archive's bytes, for its owner only, while it has not expired. */
  public Optional<InputStream> open(UserId user, UUID id) throws IOException {
    var key = jdbc.sql("""
            select archive_key from data_exports
             where id = ? and user_id = ? and status = 'READY' and expires_at > ?""")
        .params(id, user.value(), Timestamp.from(clock.instant()))
        .query(String.class)
        .optional();
    return key.isEmpty() ? Optional.empty() : storage.open(key.get());
  }

  /**
   * Builds the archive of a pending export (the job's body). Runs again harmlessly if a node died
   * half way: a finished export is left alone, an unfinished one is written anew.
   */
  public void build(UUID id) throws IOException {
    var user = jdbc.sql("select user_id from data_exports where id = ? and status = 'PENDING'")
        .param(id)
        .query(UUID.class)
        .optional();
    if (user.isEmpty()) {
      return;
    }
    var archive = Files.createTempFile("kinora-export-", ".zip");
    try {
      writer.write(new UserId(user.get()), archive);
      long bytes = Files.size(archive);
      var key = storage.store(archive);
      var now = clock.instant();
      int updated = jdbc.sql("""
              update data_exports set status = 'READY', archive_key = ?, bytes = ?, ready_at = ?, expires_at = ?
               where id = ? and status = 'PENDING'""")
          .params(key, bytes, Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)), id)
          .update();
      if (updated == 0) {
        storage.delete(key);
        return;
      }
      log.info("Data export {} is ready ({} bytes)", id, bytes);
      tellOwner(new UserId(user.get()), now.plus(LIFETIME));
    } finally {
      Files.deleteIfExists(archive);
    }
  }

  /** Emails the owner that the archive is ready, at the account's own address. */
  private void tellOwner(UserId user, Instant until) {
    accounts
        .emailOf(user)
        .ifPresent(email -> mailer.send(new Email(
            email,
            "Your Kinora data is ready",
            "privacy-export-ready",
            Map.of(
                "where", address.link("/account/privacy"),
                "until", until.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString()))));
  }

  /** Marks an export that cannot be built as failed, so the user can ask again. */
  public void fail(UUID id) {
    jdbc.sql("update data_exports set status = 'FAILED' where id = ? and status = 'PENDING'")
        .param(id)
        .update();
  }

  /** Deletes the user's archives and requests (erasure). */
  public void eraseAll(UserId user) {
    jdbc.sql("select archive_key from data_exports where user_id = ? and archive_key is not null")
        .param(user.value())
        .query(String.class)
        .list()
        .forEach(this::deleteArchive);
    jdbc.sql("delete from data_exports where user_id = ?").param(user.value()).update();
  }

  /** Deletes archives and requests older than the cutoff; returns how many. */
  public long expireBefore(Instant cutoff) {
    var expired = jdbc.sql("select id, archive_key from data_exports where requested_at < ?")
        .param(Timestamp.from(cutoff))
        .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
        .list();
    for (var row : expired) {
      if (row[1] != null) {
        deleteArchive((String) row[1]);
      }
      jdbc.sql("delete from data_exports where id = ?").param(row[0]).update();
    }
    return expired.size();
  }

  private void deleteArchive(String key) {
    try {
      storage.delete(key);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot delete export archive " + key, e);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
