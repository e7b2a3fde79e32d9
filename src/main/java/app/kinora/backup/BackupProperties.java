package app.kinora.backup;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Backups of the database and the blob store (see {@code docs/operations.md}).
 *
 * @param directory where backups go (one directory each, with the shared {@code objects/})
 * @param erasureLog where erasures and deletions are logged for replay after a restore: outside
 *     the database and every backup
 * @param retention how long a backup is kept (the newest is always kept)
 * @param schedule a cron expression (six fields, seconds first) for scheduled backups, run by one
 *     worker node; empty: none
 * @param restoreFrom a backup to restore into the empty database and blob store as the node starts
 */
@Validated
@ConfigurationProperties("kinora.backup")
public record BackupProperties(
    @NotNull Path directory,
    @NotNull Path erasureLog,
    @NotNull @DefaultValue("14d") Duration retention,
    @DefaultValue("") String schedule,
    Path restoreFrom) {}
