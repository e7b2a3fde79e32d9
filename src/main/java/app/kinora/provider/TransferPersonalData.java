package app.kinora.provider;

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

/** The transfer log of a user's generations: exported without hashes or platform ids, erased on closure. */
@Component
class TransferPersonalData implements PersonalDataHolder {

  private final TransferLog transfers;

  TransferPersonalData(TransferLog transfers) {
    this.transfers = transfers;
  }

  @Override
  public String module() {
    return "provider";
  }

  @Override
  public Set<String> tables() {
    return Set.of("provider_transfers");
  }

  @Override
  public List<PersonalColumn> columns() {
    return PersonalColumn.of(
        "provider_transfers",
        DataCategory.CONTENT,
        "until the generation or the account is deleted",
        Set.of(Purpose.RENDERING, Purpose.LEGAL),
        "provider",
        "provider_name",
        "country",
        "model",
        "fields",
        "media",
        "remote_id",
        "remote_locator",
        "outcome");
  }

  @Override
  public Map<String, Object> export(UserId user) {
    var rows = transfers.ofUser(user).stream()
        .map(t -> {
          var row = new LinkedHashMap<String, Object>();
          row.put("provider", t.provider());
          row.put("country", t.country());
          row.put("model", t.model());
          row.put("fields", t.fields());
          row.put("media", t.media().stream().map(Transfer.SentMedia::name).toList());
          row.put("sentAt", t.sentAt().toString());
          row.put("outcome", t.outcome());
          return (Map<String, Object>) row;
        })
        .toList();
    return Map.of("transfers", rows);
  }

  @Override
  public void erase(UserId user) {
    transfers.erase(user);
  }
}
