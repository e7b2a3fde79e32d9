package app.kinora.backup.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One backup at a time across the cluster: a scheduled backup and an operator's {@code ./kinora
 * backup} started together would each prune objects the other has just copied. A PostgreSQL
 * session lock, held on its own connection for the backup's length and gone with it if the
 * process dies.
 */
final class BackupLock implements AutoCloseable {

  /** The lock's key: "kinora backup" as a number, apart from the other advisory locks' keys. */
  private static final long KEY = 0x6b696e6f7261_42L;

  private final Connection connection;

  private BackupLock(Connection connection) {
    this.connection = connection;
  }

  /** Takes the lock, or refuses at once in a sentence when another backup holds it. */
  static BackupLock take(DataSource dataSource) throws SQLException {
    var connection = dataSource.getConnection();
    try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
      statement.setLong(1, KEY);
      try (var result = statement.executeQuery()) {
        result.next();
        if (!result.getBoolean(1)) {
          throw new BackupInProgress();
        }
      }
      return new BackupLock(connection);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public void close() throws SQLException {
    try (connection;
        var statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
      statement.setLong(1, KEY);
      statement.execute();
    }
  }

  /** Another node or command is taking a backup now. */
  static final class BackupInProgress extends IllegalStateException {
    BackupInProgress() {
      super("Another backup is being taken; try again when it has finished.");
    }
  }
}
