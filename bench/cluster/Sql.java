import java.sql.DriverManager;

/** Runs one SQL statement (bench/cluster/run has no psql of the server's version). */
public class Sql {
  public static void main(String[] args) throws Exception {
    try (var db = DriverManager.getConnection(args[0]); var statement = db.createStatement()) {
      statement.execute(args[1]);
    }
  }
}
