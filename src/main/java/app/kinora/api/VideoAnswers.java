package app.kinora.api;

import app.kinora.billing.CreditLedger;
import app.kinora.billing.HoldId;
import app.kinora.generation.Generation;
import app.kinora.shared.WebPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Video objects as the API writes them: with their price from the ledger, as JSON text (so that an
 * idempotent replay is the same bytes), and with {@code openai-poll-after-ms} while the video is
 * made, which the SDKs' polling helpers wait for.
 */
@Component
class VideoAnswers {

  static final String POLL_AFTER = "openai-poll-after-ms";

  private final CreditLedger credits;
  private final JsonMapper json;
  private final ApiProperties properties;

  VideoAnswers(CreditLedger credits, JsonMapper json, ApiProperties properties) {
    this.credits = credits;
    this.json = json;
    this.properties = properties;
  }

  /** A new video: the request is marked accepted, so its device and log data is recorded. */
  ResponseEntity<String> created(HttpServletRequest request, Generation generation) {
    request.setAttribute(WebPaths.GENERATION_ACCEPTED, true);
    return video(generation);
  }

  ResponseEntity<String> video(Generation generation) {
    var answer = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
    if (!generation.status().isTerminal()) {
      answer.header(POLL_AFTER, Long.toString(properties.pollAfter().toMillis()));
    }
    return answer.body(json.writeValueAsString(object(generation)));
  }

  ResponseEntity<String> json(Object body) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(json.writeValueAsString(body));
  }

  VideoObject object(Generation generation) {
    return objects(List.of(generation)).getFirst();
  }

  /** The objects of many videos, their prices read in one query. */
  List<VideoObject> objects(List<Generation> generations) {
    var charges = credits.charges(generations.stream().map(VideoAnswers::holdOf).toList());
    return generations.stream()
        .map(g -> VideoObject.of(g, charges.get(holdOf(g))))
        .toList();
  }

  private static HoldId holdOf(Generation generation) {
    return new HoldId(generation.id().value());
  }
}
