package app.kinora.api;

import app.kinora.billing.Charge;
import app.kinora.generation.Generation;
import app.kinora.generation.Lineage;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * The OpenAI video object ({@code VideoResource}): every field of OpenAI's with its names and
 * types ({@code seconds} is a string — for an extension the stitched total —, times are Unix
 * seconds). Kinora adds {@code quality}, {@code seed} (reproducible renders), {@code fps}, {@code
 * generate_audio}, {@code caption}, {@code credits} (the price: the quote while the video is made,
 * the credits charged once completed, 0 when it failed) and, for a video made from another by an
 * edit or an extension, {@code source_video_id} and {@code source_kind}, {@code ai_generated} (made
 * by a trained model, a platform's) and {@code provenance} (the Content Credentials of a completed
 * video, when it is fetched alone).
 */
record VideoObject(
    String id,
    String object,
    String model,
    String status,
    int progress,
    @JsonProperty("created_at") long createdAt,
    @JsonProperty("completed_at") Long completedAt,
    @JsonProperty("expires_at") Long expiresAt,
    String size,
    String seconds,
    String quality,
    String prompt,
    @JsonProperty("remixed_from_video_id") String remixedFromVideoId,
    Long seed,
    int fps,
    @JsonProperty("generate_audio") boolean generateAudio,
    boolean caption,
    Long credits,
    @JsonProperty("source_video_id") String sourceVideoId,
    @JsonProperty("source_kind") String sourceKind,
    @JsonProperty("ai_generated") boolean aiGenerated,
    ProvenanceSummary provenance,
    VideoError error) {

  /** OpenAI's error of a failed video; {@code code} is {@code cancelled} when its owner stopped it. */
  record VideoError(String code, String message) {}

  /**
   * @param aiGenerated made by a trained model (a platform's), not by the local renderer
   * @param provenance what the stored file's Content Credentials say; null until it is completed
   *     or when the video is one of a list
   */
  static VideoObject of(
      Generation g, Charge charge, boolean aiGenerated, ProvenanceSummary provenance) {
    var lineage = g.lineage();
    var remixOf = lineage.filter(l -> l.kind() == Lineage.Kind.REMIX);
    return new VideoObject(
        g.id().apiId(),
        "video",
        g.model(),
        g.status().apiName(),
        g.progress(),
        g.createdAt().getEpochSecond(),
        g.completedAt() == null ? null : g.completedAt().getEpochSecond(),
        null,
        g.size().toString(),
        Integer.toString(g.outputSeconds()),
        "standard",
        g.prompt(),
        remixOf.map(l -> l.source().apiId()).orElse(null),
        g.spec().seed(),
        g.spec().framesPerSecond(),
        g.spec().generateAudio(),
        g.spec().caption(),
        charge == null ? null : charge.cost().value(),
        lineage.map(l -> l.source().apiId()).orElse(null),
        lineage.map(l -> l.kind().name().toLowerCase(Locale.ROOT)).orElse(null),
        aiGenerated,
        provenance,
        g.failureIfAny().map(f -> new VideoError(f.code(), f.message())).orElse(null));
  }
}
