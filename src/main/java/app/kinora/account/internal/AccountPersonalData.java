package app.kinora.account.internal;

import app.kinora.privacy.spi.DataCategory;
import app.kinora.privacy.spi.PersonalColumn;
import app.kinora.privacy.spi.PersonalDataHolder;
import app.kinora.privacy.spi.Purpose;
import app.kinora.shared.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The account's profile and API keys (names and prefixes only; never hashes). */
@Component
class AccountPersonalData implements PersonalDataHolder {

  private final Users users;
  private final ApiKeys apiKeys;

  AccountPersonalData(Users users, ApiKeys apiKeys) {
    this.users = users;
    this.apiKeys = apiKeys;
  }

  @Override
  public String module() {
    return "account";
  }

  @Override
  public Set<String> tables() {
    return Set.of("users", "api_keys");
  }

  @Override
  public List<PersonalColumn> columns() {
    var columns = new java.util.ArrayList<PersonalColumn>();
    columns.addAll(PersonalColumn.of("users", DataCategory.ACCOUNT, "until the account is closed",
        Set.of(Purpose.AUTHENTICATION, Purpose.COMMUNICATIONS, Purpose.SECURITY),
        "email", "email_normalized", "display_name", "password_hash", "role"));
    columns.addAll(PersonalColumn.of("api_keys", DataCategory.ACCOUNT, "until revoked or the account is closed",
        Set.of(Purpose.AUTHENTICATION, Purpose.SECURITY), "name", "prefix", "secret_hash"));
    return columns;
  }

  @Override
  public Map<String, Object> export(UserId user) {
    var export = new LinkedHashMap<String, Object>();
    users.find(user).ifPresent(account -> {
      export.put("email", account.email());
      export.put("displayName", account.displayName());
      export.put("createdAt", account.createdAt().toString());
    });
    export.put("apiKeys", apiKeys.list(user).stream()
        .map(key -> Map.of("name", key.name(), "prefix", key.prefix(), "createdAt", key.createdAt().toString()))
        .toList());
    return export;
  }

  @Override
  public void erase(UserId user) {
    apiKeys.deleteAll(user);
    users.delete(user);
  }
}
