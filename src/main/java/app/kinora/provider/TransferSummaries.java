package app.kinora.provider;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The transfer log as a generation's card shows it, read by templates as {@code
 * @transferSummaries.of(id)}; callers have already checked that the generation is the viewer's.
 */
@Component("transferSummaries")
public class TransferSummaries {

  private final TransferLog transfers;

  TransferSummaries(TransferLog transfers) {
    this.transfers = transfers;
  }

  /** E.g. {@code Sent to: fal.ai (US) — prompt, 1 image}, one line per platform and content. */
  public List<String> of(UUID generation) {
    return transfers.summaries(generation);
  }
}
