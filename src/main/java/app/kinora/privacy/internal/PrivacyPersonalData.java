package app.kinora.privacy.internal;

import app.kinora.privacy.PolicyAcknowledgements;
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

/** The user's consent history and policy acknowledgements. */
@Component
class PrivacyPersonalData implements PersonalDataHolder {

  private final ConsentRecords consents;
  private final PolicyAcknowledgements acknowledgements;

  PrivacyPersonalData(ConsentRecords consents, PolicyAcknowledgements acknowledgements) {
    this.consents = consents;
    this.acknowledgements = acknowledgements;
  }

  @Override
  public String module() {
    return "privacy";
  }

  @Override
  public Set<String> tables() {
    return Set.of("consent_records", "policy_acknowledgements");
  }

  @Override
  public List<PersonalColumn> columns() {
    return PersonalColumn.of("policy_acknowledgements", DataCategory.CHOICES, "until the account is closed",
        Set.of(Purpose.LEGAL), "document", "version");
  }

  @Override
  public Map<String, Object> export(UserId user) {
    var export = new LinkedHashMap<String, Object>();
    export.put("consents", consents.export(user));
    export.put("policyAcknowledgements", acknowledgements.export(user));
    return export;
  }

  @Override
  public void erase(UserId user) {
    consents.erase(user);
    acknowledgements.erase(user);
  }
}
