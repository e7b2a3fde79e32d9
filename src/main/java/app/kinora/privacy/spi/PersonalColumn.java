package app.kinora.privacy.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One column that holds data about a user, declared with what kind of data it is, why it is kept
 * and for how long. A test reads the database catalogue and fails for any column of a user's
 * table that no module declared.
 *
 * @param retention how long it is kept, in words (e.g. "until the user deletes it")
 */
public record PersonalColumn(
    String table, String column, DataCategory category, Set<Purpose> purposes, String retention) {

  public PersonalColumn {
    purposes = Set.copyOf(purposes);
  }

  /** Several columns of one table that share their category, purposes and retention. */
  public static List<PersonalColumn> of(
      String table,
      DataCategory category,
      String retention,
      Set<Purpose> purposes,
      String... columns) {
    return Arrays.stream(columns)
        .map(column -> new PersonalColumn(table, column, category, purposes, retention))
        .toList();
  }
}
