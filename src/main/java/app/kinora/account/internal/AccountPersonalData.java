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
    return Set.of(
        "users",
        "api_keys",
        "account_identities",
        "account_recovery_codes",
        "account_request_contexts");
  }

  @Override
  public List<PersonalColumn> columns() {
    var columns = new java.util.ArrayList<PersonalColumn>();
    columns.addAll(PersonalColumn.of(
        "users",
        DataCategory.ACCOUNT,
        "until the account is closed",
        Set.of(Purpose.AUTHENTICATION, Purpose.COMMUNICATIONS, Purpose.SECURITY),
        "email",
        "email_normalized",
        "display_name",
        "password_hash",
        "role",
        "language",
        "totp_secret"));
    columns.addAll(PersonalColumn.of(
        "users",
        DataCategory.ACCOUNT,
        "until the account is closed",
        Set.of(Purpose.LEGAL),
        "age_confirmed_on",
        "country",
        "terms_version",
        "privacy_version"));
    columns.addAll(PersonalColumn.of(
        "users",
        DataCategory.ACCOUNT,
        "until the account is reinstated or closed",
        Set.of(Purpose.SECURITY),
        "suspension_reason"));
    columns.addAll(PersonalColumn.of(
        "api_keys",
        DataCategory.ACCOUNT,
        "until revoked or the account is closed",
        Set.of(Purpose.AUTHENTICATION, Purpose.SECURITY),
        "name",
        "prefix",
        "secret_hash",
        "scopes"));
    columns.addAll(PersonalColumn.of(
        "account_identities",
        DataCategory.ACCOUNT,
        "until unlinked or the account is closed",
        Set.of(Purpose.AUTHENTICATION),
        "provider",
        "subject"));
    columns.addAll(PersonalColumn.of(
        "account_recovery_codes",
        DataCategory.ACCOUNT,
        "until used, replaced, or two-step sign-in is turned off",
        Set.of(Purpose.AUTHENTICATION, Purpose.SECURITY),
        "code_hash"));
    columns.addAll(PersonalColumn.of(
        "account_request_contexts",
        DataCategory.DEVICE_AND_LOG,
        "IP reduced to its network, then the record deleted (retention categories device-log-ip, device-log)",
        Set.of(Purpose.SECURITY, Purpose.QUALITY_AND_SAFETY),
        "activity",
        "ip",
        "device_class",
        "browser",
        "os",
        "language",
        "referrer"));
    return columns;
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
      export.put(
          "minimumAgeConfirmedOn",
          profile.ageConfirmedOn() == null ? null : profile.ageConfirmedOn().toString());
      export.put("termsVersion", profile.termsVersion());
      export.put("privacyVersion", profile.privacyVersion());
      export.put(
          "termsAcceptedAt",
          profile.termsAcceptedAt() == null ? null : profile.termsAcceptedAt().toString());
      export.put("twoStepSignIn", profile.totpEnabled());
    });
    export.put(
        "signInProviders",
        identities.list(user).stream()
            .map(identity -> Map.of(
                "provider",
                identity.provider(),
                "subject",
                identity.subject(),
                "linkedAt",
                identity.createdAt().toString()))
            .toList());
    export.put(
        "apiKeys",
        apiKeys.list(user).stream()
            .map(key -> Map.of(
                "name",
                key.name(),
                "prefix",
                key.prefix(),
                "scopes",
                key.scopesLabel(),
                "createdAt",
                key.createdAt().toString()))
            .toList());
    export.put(
        "deviceAndLogData",
        requestContexts.list(user).stream()
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
