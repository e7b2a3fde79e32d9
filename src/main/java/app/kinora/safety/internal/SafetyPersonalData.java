package app.kinora.safety.internal;

import app.kinora.privacy.spi.DataCategory;
import app.kinora.privacy.spi.PersonalColumn;
import app.kinora.privacy.spi.PersonalDataHolder;
import app.kinora.privacy.spi.Purpose;
import app.kinora.shared.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Refusals (and prompts kept for review) and the account's fair-use state: exported and erased. */
@Component
class SafetyPersonalData implements PersonalDataHolder {

  private final SafetyStore store;
  private final RateLimits limits;

  SafetyPersonalData(SafetyStore store, RateLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  @Override
  public String module() {
    return "safety";
  }

  @Override
  public Set<String> tables() {
    return Set.of("safety_blocks", "safety_accounts");
  }

  @Override
  public List<PersonalColumn> columns() {
    var columns = new ArrayList<PersonalColumn>();
    columns.addAll(PersonalColumn.of(
        "safety_blocks",
        DataCategory.CONTENT,
        "until the account is closed",
        Set.of(Purpose.QUALITY_AND_SAFETY, Purpose.SECURITY),
        "source",
        "category",
        "screener",
        "prompt"));
    columns.addAll(PersonalColumn.of(
        "safety_accounts",
        DataCategory.ACCOUNT,
        "until the account is closed",
        Set.of(Purpose.SECURITY),
        "suspension_reason"));
    return columns;
  }

  @Override
  public Map<String, Object> export(UserId user) {
    var export = new LinkedHashMap<String, Object>();
    export.put(
        "refusals",
        store.blocks(user, 10_000).stream()
            .map(block -> {
              var row = new LinkedHashMap<String, Object>();
              row.put("at", block.at().toString());
              row.put("source", block.source());
              row.put("category", block.category());
              if (block.prompt() != null) {
                row.put("prompt", block.prompt());
              }
              return row;
            })
            .toList());
    export.put("submissionsSuspended", store.suspended(user));
    return export;
  }

  @Override
  public void erase(UserId user) {
    store.erase(user);
    limits.forget(user);
  }
}
