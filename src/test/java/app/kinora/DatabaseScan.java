package app.kinora;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks through every table of the catalogue for a value, in every column (text as text, binary
 * columns such as serialized session attributes as bytes).
 */
public final class DatabaseScan {

  private DatabaseScan() {}

  public static List<String> tables(JdbcClient jdbc) {
    return jdbc.sql(
            "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")
        .query(String.class)
        .list();
  }

  /** The tables with a row whose text, or any binary column, contains the value. */
  public static List<String> tablesContaining(JdbcClient jdbc, String value) {
    return tables(jdbc).stream().filter(table -> contains(jdbc, table, value)).toList();
  }

  public static Map<String, Long> rowCounts(JdbcClient jdbc) {
    var counts = new TreeMap<String, Long>();
    tables(jdbc)
        .forEach(table -> counts.put(
            table,
            jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single()));
    return counts;
  }

  private static boolean contains(JdbcClient jdbc, String table, String value) {
    var binary = jdbc.sql(
            "select column_name from information_schema.columns where table_schema = 'public' and table_name = ? and data_type = 'bytea'")
        .param(table)
        .query(String.class)
        .list();
    var condition = new StringBuilder("position(lower(:value) in lower(t::text)) > 0");
    for (var column : binary) {
      condition
          .append(" or position(convert_to(:value, 'UTF8') in t.\"")
          .append(column)
          .append("\") > 0");
    }
    return jdbc.sql("select count(*) from \"" + table + "\" t where " + condition)
            .param("value", value)
            .query(Long.class)
            .single()
        > 0;
  }
}
