package app.kinora.privacy;

import app.kinora.privacy.spi.ExportedFile;
import app.kinora.privacy.spi.PersonalColumn;
import app.kinora.privacy.spi.PersonalDataHolder;
import app.kinora.shared.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** All personal data Kinora keeps, module by module, for export and erasure. */
@Service
public class PersonalDataInventory {

  private final List<PersonalDataHolder> holders;

  PersonalDataInventory(List<PersonalDataHolder> holders) {
    this.holders = List.copyOf(holders);
  }

  /** Every table some module declared as holding users' personal data. */
  public Set<String> coveredTables() {
    var tables = new TreeSet<String>();
    holders.forEach(holder -> tables.addAll(holder.tables()));
    return tables;
  }

  /** Every column some module declared as holding data about users, with category and purposes. */
  public List<PersonalColumn> declaredColumns() {
    return holders.stream().flatMap(holder -> holder.columns().stream()).toList();
  }

  /** The user's data from every module, keyed by module name. */
  @Transactional(readOnly = true)
  public Map<String, Object> exportOf(UserId user) {
    var export = new LinkedHashMap<String, Object>();
    holders.forEach(holder -> export.put(holder.module(), holder.export(user)));
    return export;
  }

  /** The user's files from every module, keyed by module name, to be opened one at a time. */
  @Transactional(readOnly = true)
  public Map<String, List<ExportedFile>> filesOf(UserId user) {
    var files = new LinkedHashMap<String, List<ExportedFile>>();
    holders.forEach(holder -> files.put(holder.module(), holder.files(user)));
    return files;
  }

  /** Runs every module's eraser for the user in one transaction. */
  @Transactional
  public void erase(UserId user) {
    holders.forEach(holder -> holder.erase(user));
  }
}
