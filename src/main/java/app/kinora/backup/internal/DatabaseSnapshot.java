package app.kinora.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The database as of one instant: every table of the schema (but sessions, which are not worth
 * bringing back) copied in PostgreSQL's binary COPY format, gzipped, inside one read-only
 * repeatable-read transaction, so that all tables show the same committed state, with the schema
 * version Flyway had reached. Loaded back into a schema migrated to that same version, in
 * foreign-key order, with the sequences moved past the loaded rows.
 */
final class DatabaseSnapshot {

  /** Web sessions are not kept: a restored service asks everyone to sign in again. */
  static final Set<String> SKIPPED = Set.of("spring_session", "spring_session_attributes");

  /** Flyway's own table is rebuilt by migrating the empty database to the backup's version. */
  static final String FLYWAY = "flyway_schema_history";

  private DatabaseSnapshot() {}

  /** Writes {@code <table>.copy.gz} per table; returns the schema version and rows per table. */
  static Dumped dump(DataSource dataSource, Path directory) throws SQLException, IOException {
    Files.createDirectories(directory);
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try {
        var version = schemaVersion(connection);
        var copier = connection.unwrap(PGConnection.class).getCopyAPI();
        var rows = new LinkedHashMap<String, Long>();
        for (var table : tables(connection)) {
          try (OutputStream out =
              new GZIPOutputStream(Files.newOutputStream(directory.resolve(table + ".copy.gz")))) {
            rows.put(
                table,
                copier.copyOut("COPY \"" + table + "\" TO STDOUT WITH (FORMAT binary)", out));
          }
        }
        return new Dumped(version, rows);
      } finally {
        connection.rollback();
      }
    }
  }

  /** Loads the tables into a database already migrated to the snapshot's version, in one transaction. */
  static void load(DataSource dataSource, Path directory, List<String> tables)
      throws SQLException, IOException {
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        emptySeeded(connection, tables);
        var copier = connection.unwrap(PGConnection.class).getCopyAPI();
        for (var table : inForeignKeyOrder(connection, tables)) {
          try (InputStream in =
              new GZIPInputStream(Files.newInputStream(directory.resolve(table + ".copy.gz")))) {
            copier.copyIn("COPY \"" + table + "\" FROM STDIN WITH (FORMAT binary)", in);
          }
        }
        moveSequencesPastRows(connection);
        connection.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /**
   * Migrations seed a few tables (the blocked-terms list, for one): the backup holds those rows as
   * the operator left them, so the seeds go before the backup's rows come in.
   */
  private static void emptySeeded(Connection connection, List<String> tables) throws SQLException {
    var seeded = new ArrayList<String>();
    for (var table : tables) {
      try (var statement =
              connection.prepareStatement("select exists (select 1 from \"" + table + "\")");
          var result = statement.executeQuery()) {
        if (result.next() && result.getBoolean(1)) {
          seeded.add("\"" + table + "\"");
        }
      }
    }
    if (!seeded.isEmpty()) {
      try (var statement = connection.createStatement()) {
        statement.execute("truncate " + String.join(", ", seeded) + " cascade");
      }
    }
  }

  /** True when the database holds no table of Kinora's yet. */
  static boolean isEmpty(DataSource dataSource) throws SQLException {
    try (var connection = dataSource.getConnection()) {
      return tables(connection).isEmpty() && schemaVersionOrNull(connection) == null;
    }
  }

  record Dumped(String schemaVersion, Map<String, Long> rows) {}

  private static List<String> tables(Connection connection) throws SQLException {
    var tables = new ArrayList<String>();
    try (var statement = connection.prepareStatement(
            "select tablename from pg_tables where schemaname = current_schema() order by tablename");
        var result = statement.executeQuery()) {
      while (result.next()) {
        var name = result.getString(1);
        if (!SKIPPED.contains(name) && !FLYWAY.equals(name)) {
          tables.add(name);
        }
      }
    }
    return tables;
  }

  private static String schemaVersion(Connection connection) throws SQLException {
    var version = schemaVersionOrNull(connection);
    if (version == null) {
      throw new IllegalStateException("the database has no migrated schema to back up");
    }
    return version;
  }

  private static String schemaVersionOrNull(Connection connection) throws SQLException {
    try (var statement = connection.prepareStatement(
            "select to_regclass(current_schema() || '." + FLYWAY + "') is not null");
        var exists = statement.executeQuery()) {
      exists.next();
      if (!exists.getBoolean(1)) {
        return null;
      }
    }
    try (var statement = connection.prepareStatement("select version from " + FLYWAY
            + " where success and version is not null order by installed_rank desc limit 1");
        var result = statement.executeQuery()) {
      return result.next() ? result.getString(1) : null;
    }
  }

  /** Referenced tables before the tables that refer to them. */
  private static List<String> inForeignKeyOrder(Connection connection, List<String> tables)
      throws SQLException {
    var dependsOn = new LinkedHashMap<String, List<String>>();
    tables.forEach(table -> dependsOn.put(table, new ArrayList<>()));
    try (var statement = connection.prepareStatement("""
            select c.conrelid::regclass::text, c.confrelid::regclass::text
              from pg_constraint c
             where c.contype = 'f' and c.connamespace = current_schema()::regnamespace""");
        var result = statement.executeQuery()) {
      while (result.next()) {
        var from = result.getString(1).replace("\"", "");
        var to = result.getString(2).replace("\"", "");
        if (dependsOn.containsKey(from) && dependsOn.containsKey(to) && !from.equals(to)) {
          dependsOn.get(from).add(to);
        }
      }
    }
    var ordered = new ArrayList<String>();
    while (ordered.size() < tables.size()) {
      int before = ordered.size();
      for (var entry : dependsOn.entrySet()) {
        if (!ordered.contains(entry.getKey()) && ordered.containsAll(entry.getValue())) {
          ordered.add(entry.getKey());
        }
      }
      if (ordered.size() == before) {
        throw new IllegalStateException("foreign keys form a cycle among " + dependsOn.keySet());
      }
    }
    return ordered;
  }

  private static void moveSequencesPastRows(Connection connection) throws SQLException {
    var owned = new ArrayList<String[]>();
    try (var statement = connection.prepareStatement("""
            select s.relname, t.relname, a.attname
              from pg_class s
              join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
              join pg_class t on t.oid = d.refobjid
              join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
             where s.relkind = 'S' and s.relnamespace = current_schema()::regnamespace""");
        var result = statement.executeQuery()) {
      while (result.next()) {
        owned.add(new String[] {result.getString(1), result.getString(2), result.getString(3)});
      }
    }
    for (var sequence : owned) {
      try (var statement = connection.prepareStatement("select setval('\"" + sequence[0]
              + "\"', coalesce((select max(\"" + sequence[2] + "\") from \"" + sequence[1]
              + "\"), 0) + 1, false)");
          var ignored = statement.executeQuery()) {
        // moved
      }
    }
  }
}
