package app.kinora.account.internal;

import app.kinora.privacy.spi.PersonalDataHolder;
import app.kinora.shared.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The account's profile, sign-up facts, linked providers, API keys (names and prefixes only;
 * never hashes or secrets) and device and log data. Erasure also ends the user's sessions.
 */
@Component
class AccountPersonalData implements PersonalDataHolder {

  private final Users users;
  private final ApiKeys apiKeys;
  private final Identities identities;
  private final RecoveryCodes recoveryCodes;
  private final RequestContexts requestContexts;
  private final UserSessions sessions;

  AccountPersonalData(
      Users users,
      ApiKeys apiKeys,
      Identities identities,
      RecoveryCodes recoveryCodes,
      RequestContexts requestContexts,
      UserSessions sessions) {
    this.users = users;
    this.apiKeys = apiKeys;
    this.identities = identities;
    this.recoveryCodes = recoveryCodes;
    this.requestContexts = requestContexts;
    this.sessions = sessions;
  }

  @Override
  public String module() {
    return "account";
  }

  @Override
  public Set<String> tables() {
    return Set.of("users", "api_keys", "account_identities", "account_recovery_codes", "account_request_contexts");
  }

  @Override
  public Map<String, Object> export(UserId user) {
    var export = new LinkedHashMap<String, Object>();
    users.profile(user).ifPresent(profile -> {
      export.put("email", profile.account().email());
      export.put("emailVerified", profile.emailVerified());
      export.put("displayName", profile.account().displayName());
      export.put("language", profile.language());
      export.put("createdAt", profile.account().createdAt().toString());
      export.put("country", profile.country());
      export.put("minimumAgeConfirmedOn", profile.ageConfirmedOn() == null ? null : profile.ageConfirmedOn().toString());
      export.put("termsVersion", profile.termsVersion());
      export.put("privacyVersion", profile.privacyVersion());
      export.put("termsAcceptedAt", profile.termsAcceptedAt() == null ? null : profile.termsAcceptedAt().toString());
      export.put("twoStepSignIn", profile.totpEnabled());
    });
    export.put("signInProviders", identities.list(user).stream()
        .map(identity -> Map.of("provider", identity.provider(), "subject", identity.subject(),
            "linkedAt", identity.createdAt().toString()))
        .toList());
    export.put("apiKeys", apiKeys.list(user).stream()
        .map(key -> Map.of("name", key.name(), "prefix", key.prefix(), "scopes", key.scopesLabel(),
            "createdAt", key.createdAt().toString()))
        .toList());
    export.put("deviceAndLogData", requestContexts.list(user).stream()
        .map(context -> {
          var row = new LinkedHashMap<String, Object>();
          row.put("activity", context.activity().name());
          row.put("ip", context.ip());
          row.put("device", context.deviceClass());
          row.put("browser", context.browser());
          row.put("os", context.os());
          row.put("language", context.language());
          row.put("referrer", context.referrer());
          row.put("at", context.createdAt().toString());
          return row;
        })
        .toList());
    return export;
  }

  @Override
  public void erase(UserId user) {
    sessions.endAll(user, null);
    requestContexts.deleteAll(user);
    recoveryCodes.deleteAll(user);
    identities.deleteAll(user);
    apiKeys.deleteAll(user);
    users.delete(user);
  }
}
