package app.kinora.api;

import app.kinora.billing.CreditLedger;
import app.kinora.billing.HoldId;
import app.kinora.generation.DataSent;
import app.kinora.generation.Generation;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.provenance.ContentCredentials;
import app.kinora.shared.WebPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
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

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VideoAnswers.class);

  private final CreditLedger credits;
  private final JsonMapper json;
  private final ApiProperties properties;
  private final Generations generations;
  private final ContentCredentials contentCredentials;

  VideoAnswers(
      CreditLedger credits,
      JsonMapper json,
      ApiProperties properties,
      Generations generations,
      ContentCredentials contentCredentials) {
    this.credits = credits;
    this.json = json;
    this.properties = properties;
    this.generations = generations;
    this.contentCredentials = contentCredentials;
  }

  /** A new video: the request is marked accepted, so its device and log data is recorded. */
  ResponseEntity<String> created(HttpServletRequest request, Generation generation) {
    request.setAttribute(WebPaths.GENERATION_ACCEPTED, true);
    return video(generation);
  }

  ResponseEntity<String> video(Generation generation) {
    return answer(generation, object(generation));
  }

  /** One video fetched alone: with what its stored file's Content Credentials say. */
  ResponseEntity<String> retrieved(Generation generation) {
    var charge = credits.charges(List.of(holdOf(generation))).get(holdOf(generation));
    var sent = generations.dataSent(generation.owner(), List.of(generation.id()));
    return answer(
        generation,
        VideoObject.of(
            generation,
            charge,
            generations.aiGenerated(generation.model()),
            provenance(generation),
            sent.get(generation.id())));
  }

  private ResponseEntity<String> answer(Generation generation, VideoObject object) {
    var answer = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
    if (!generation.status().isTerminal()) {
      answer.header(POLL_AFTER, Long.toString(properties.pollAfter().toMillis()));
    }
    return answer.body(json.writeValueAsString(object));
  }

  /** What the stored file's credentials say, read from its head; null until it is completed. */
  private ProvenanceSummary provenance(Generation generation) {
    if (generation.status() != GenerationStatus.COMPLETED) {
      return null;
    }
    var file = generations.output(generation.owner(), generation.id(), OutputVariant.VIDEO);
    if (file.isEmpty()) {
      return null;
    }
    try (var in = file.get().getInputStream()) {
      return ProvenanceSummary.of(contentCredentials.readHead(in));
    } catch (java.io.IOException e) {
      log.warn("Could not read the credentials of {}: {}", generation.id(), e.toString());
      return null;
    }
  }

  ResponseEntity<String> json(Object body) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(json.writeValueAsString(body));
  }

  VideoObject object(Generation generation) {
    return objects(List.of(generation)).getFirst();
  }

  /** The objects of many videos, their prices and transfers read in one query each per owner. */
  List<VideoObject> objects(List<Generation> videos) {
    var charges = credits.charges(videos.stream().map(VideoAnswers::holdOf).toList());
    var sent = new HashMap<GenerationId, List<DataSent>>();
    videos.stream()
        .collect(Collectors.groupingBy(
            Generation::owner, Collectors.mapping(Generation::id, Collectors.toList())))
        .forEach((owner, ids) -> sent.putAll(generations.dataSent(owner, ids)));
    return videos.stream()
        .map(g -> VideoObject.of(
            g,
            charges.get(holdOf(g)),
            generations.aiGenerated(g.model()),
            null,
            sent.getOrDefault(g.id(), List.of())))
        .toList();
  }

  private static HoldId holdOf(Generation generation) {
    return new HoldId(generation.id().value());
  }
}
