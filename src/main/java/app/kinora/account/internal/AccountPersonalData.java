package app.kinora.account.internal;

import app.kinora.privacy.spi.PersonalDataHolder;
import app.kinora.shared.UserId;
import java.util.LinkedHashMap;
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
