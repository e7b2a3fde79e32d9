package app.kinora.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.IntegrationTest;
import app.kinora.backup.Backups;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two backups at once (a scheduled one and an operator's command, on any nodes) never run together. */
class BackupLockIntegrationTest extends IntegrationTest {

  @Autowired
  DataSource dataSource;

  @Autowired
  Backups backups;

  @Test
  void aBackupStartedWhileAnotherRunsIsRefusedInASentenceAndWritesNothing() throws Exception {
    int before = backups.list().size();
    try (var running = BackupLock.take(dataSource)) {
      assertThatThrownBy(backups::create)
          .isInstanceOf(BackupLock.BackupInProgress.class)
          .hasMessage("Another backup is being taken; try again when it has finished.");
      assertThatThrownBy(() -> BackupLock.take(dataSource))
          .isInstanceOf(BackupLock.BackupInProgress.class);
    }
    assertThat(backups.list()).hasSize(before);
    try (var next = BackupLock.take(dataSource)) {
      assertThat(next).as("the lock is free again once the first backup ends").isNotNull();
    }
  }
}
