package app.kinora.privacy.spi;

import app.kinora.shared.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A module's personal data about users: which tables hold it, how to export it and how to erase
 * it. A test fails when a table keyed by user has no holder.
 */
public interface PersonalDataHolder {

  /** The module's name, used as the section name of an export. */
  String module();

  /** The tables whose rows belong to a user. */
  Set<String> tables();

  /** Every column of those tables that holds data about the user, with its purposes. */
  default List<PersonalColumn> columns() {
    return List.of();
  }

  /** The user's data in this module as JSON-ready maps and lists; no secrets, no hashes. */
  Map<String, Object> export(UserId user);

  /** The user's files (uploads, videos) for the export archive, opened lazily. */
  default List<ExportedFile> files(UserId user) {
    return List.of();
  }

  /** Deletes or anonymises the user's data in this module. Idempotent. */
  void erase(UserId user);
}
