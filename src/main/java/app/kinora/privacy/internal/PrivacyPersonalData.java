package app.kinora.privacy.internal;

import app.kinora.privacy.DataExports;
import app.kinora.privacy.PolicyAcknowledgements;
import app.kinora.privacy.PrivacyRequests;
import app.kinora.privacy.PrivacySettings;
import app.kinora.privacy.spi.DataCategory;
import app.kinora.privacy.spi.PersonalColumn;
import app.kinora.privacy.spi.PersonalDataHolder;
import app.kinora.privacy.spi.Purpose;
import app.kinora.shared.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The user's consent history and policy acknowledgements. */
@Component
class PrivacyPersonalData implements PersonalDataHolder {

  private final ConsentRecords consents;
  private final PolicyAcknowledgements acknowledgements;
  private final PrivacySettings settings;
  private final ObjectProvider<DataExports> exports;
  private final ObjectProvider<PrivacyRequests> requests;

  PrivacyPersonalData(
      ConsentRecords consents,
      PolicyAcknowledgements acknowledgements,
      PrivacySettings settings,
      ObjectProvider<DataExports> exports,
      ObjectProvider<PrivacyRequests> requests) {
    this.requests = requests;
    this.consents = consents;
    this.acknowledgements = acknowledgements;
    this.settings = settings;
    this.exports = exports;
  }

  @Override
  public String module() {
    return "privacy";
  }

  @Override
  public Set<String> tables() {
    return Set.of(
        "consent_records",
        "policy_acknowledgements",
        "data_exports",
        "privacy_settings",
        "privacy_requests",
        "account_closures");
  }

  @Override
  public List<PersonalColumn> columns() {
    var columns = new java.util.ArrayList<PersonalColumn>();
    columns.addAll(PersonalColumn.of(
        "policy_acknowledgements",
        DataCategory.CHOICES,
        "until the account is closed",
        Set.of(Purpose.LEGAL),
        "document",
        "version"));
    columns.addAll(PersonalColumn.of(
        "data_exports",
        DataCategory.CHOICES,
        "7 days after the request",
        Set.of(Purpose.LEGAL),
        "status",
        "archive_key"));
    columns.addAll(PersonalColumn.of(
        "privacy_requests",
        DataCategory.CHOICES,
        "kept as proof of the answer; address removed when the account is closed",
        Set.of(Purpose.LEGAL),
        "kind",
        "requester_email",
        "channel",
        "jurisdiction",
        "status",
        "extension_reason",
        "outcome",
        "verification_token_hash",
        "details"));
    return columns;
  }

  @Override
  public Map<String, Object> export(UserId user) {
    var export = new LinkedHashMap<String, Object>();
    export.put("consents", consents.export(user));
    export.put("policyAcknowledgements", acknowledgements.export(user));
    export.put("settings", settings.export(user));
    export.put(
        "dataExports",
        exports.getObject().list(user).stream()
            .map(e -> Map.of("requestedAt", e.requestedAt().toString(), "status", e.status()))
            .toList());
    export.put("requests", requests.getObject().export(user));
    return export;
  }

  @Override
  public void erase(UserId user) {
    consents.erase(user);
    acknowledgements.erase(user);
    settings.erase(user);
    exports.getObject().eraseAll(user);
    requests.getObject().pseudonymise(user);
  }
}
