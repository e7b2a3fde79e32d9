package app.kinora.provider;

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
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The transfer log of a user's generations: exported without hashes, platform ids or costs, each
 * row naming its video; erased on closure.
 */
@Component
class TransferPersonalData implements PersonalDataHolder {

  private static final String RETENTION = "until the generation or the account is deleted";

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
    var columns = new ArrayList<>(PersonalColumn.of(
        "provider_transfers",
        DataCategory.CONTENT,
        RETENTION,
        Set.of(Purpose.RENDERING, Purpose.LEGAL),
        "provider",
        "provider_name",
        "country",
        "model",
        "fields",
        "media",
        "remote_id",
        "remote_locator",
        "outcome"));
    // what a transmission cost at its platform, set against what Kinora charged for the video
    columns.addAll(PersonalColumn.of(
        "provider_transfers",
        DataCategory.CONTENT,
        RETENTION,
        Set.of(Purpose.RENDERING, Purpose.CREDIT_ACCOUNTING),
        "requested_model",
        "reported_unit"));
    return columns;
  }

  @Override
  public Map<String, Object> export(UserId user) {
    var rows = transfers.ofUser(user).stream()
        .map(t -> {
          var row = new LinkedHashMap<String, Object>();
          row.put("video", videoId(t.generation()));
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

  /**
   * The video's id as the API and the generation module's export name it ({@code video_} and 32
   * hex digits), so that each row says which video it is about.
   */
  static String videoId(UUID generation) {
    return "video_" + generation.toString().replace("-", "");
  }

  @Override
  public void erase(UserId user) {
    transfers.erase(user);
  }
}
