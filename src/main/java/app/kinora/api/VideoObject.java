package app.kinora.api;

import app.kinora.billing.Charge;
import app.kinora.generation.Generation;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The OpenAI video object. Kinora adds {@code seed} (reproducible renders), {@code fps},
 * {@code generate_audio}, {@code caption}, {@code credits} (the price: the quote while the
 * video is made, the credits charged once completed, 0 when it failed), {@code ai_generated} and
 * {@code provenance} (the Content Credentials of a completed video, when it is fetched alone); everything else has
 * OpenAI's names and types ({@code seconds} is a string, times are Unix seconds).
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
    @JsonProperty("ai_generated") boolean aiGenerated,
    ProvenanceSummary provenance,
    VideoError error) {

  record VideoError(String code, String message) {}

  /**
   * @param aiGenerated made by a trained model (a platform's), not by the local renderer
   * @param provenance what the stored file's Content Credentials say; null until it is completed
   */
  static VideoObject of(
      Generation g, Charge charge, boolean aiGenerated, ProvenanceSummary provenance) {
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
        Integer.toString(g.seconds()),
        "standard",
        g.prompt(),
        null,
        g.spec().seed(),
        g.spec().framesPerSecond(),
        g.spec().generateAudio(),
        g.spec().caption(),
        charge == null ? null : charge.cost().value(),
        aiGenerated,
        provenance,
        g.failureIfAny().map(f -> new VideoError(f.code(), f.message())).orElse(null));
  }
}
