package app.kinora.api;

import app.kinora.billing.Charge;
import app.kinora.generation.DataSent;
import app.kinora.generation.Generation;
import app.kinora.generation.Lineage;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;

/**
 * The OpenAI video object ({@code VideoResource}): every field of OpenAI's with its names and
 * types ({@code seconds} is a string — for an extension the stitched total —, times are Unix
 * seconds). Kinora adds {@code quality}, {@code seed} (reproducible renders), {@code fps}, {@code
 * generate_audio}, {@code caption}, {@code credits} (the price: the quote while the video is made,
 * the credits charged once completed, 0 when it failed) and, for a video made from another by an
 * edit or an extension, {@code source_video_id} and {@code source_kind}, {@code ai_generated} (made
 * by a trained model, a platform's), {@code provenance} (the Content Credentials of a completed
 * video, when it is fetched alone) and {@code transfers} (where its data was sent).
 */
@Schema(
    name = "VideoResource",
    description = "A video job, as OpenAI's video object with Kinora's fields added.",
    requiredProperties = {
      "id",
      "object",
      "model",
      "status",
      "progress",
      "created_at",
      "completed_at",
      "expires_at",
      "prompt",
      "size",
      "seconds",
      "remixed_from_video_id",
      "error",
      "quality",
      "seed",
      "fps",
      "generate_audio",
      "caption",
      "credits",
      "source_video_id",
      "source_kind",
      "ai_generated",
      "provenance",
      "transfers"
    })
record VideoObject(
    String id,
    @Schema(allowableValues = "video") String object,
    String model,

    @Schema(allowableValues = {"queued", "in_progress", "completed", "failed"})
    String status,

    @Schema(description = "Percent done, 0 to 100.") int progress,
    @JsonProperty("created_at") long createdAt,

    @JsonProperty("completed_at") @Schema(types = {"integer", "null"})
    Long completedAt,

    @JsonProperty("expires_at") @Schema(types = {"integer", "null"})
    Long expiresAt,

    @KinoraExtension
    @Schema(
        description =
            "Any size the model offers, WIDTHxHEIGHT (e.g. 480x480), not only OpenAI's four.")
    String size,

    @Schema(description = "Seconds, as a string; for an extension the stitched total.")
    String seconds,

    @KinoraExtension @Schema(allowableValues = "standard") String quality,
    @Schema(types = {"string", "null"}) String prompt,

    @JsonProperty("remixed_from_video_id") @Schema(types = {"string", "null"})
    String remixedFromVideoId,

    @KinoraExtension
    @Schema(
        types = {"integer", "null"},
        description = "The seed: the same inputs and seed give the same video.")
    Long seed,

    @KinoraExtension @Schema(description = "Frames per second.")
    int fps,

    @KinoraExtension @JsonProperty("generate_audio") boolean generateAudio,

    @KinoraExtension @Schema(description = "Whether the prompt is shown as a caption.")
    boolean caption,

    @KinoraExtension
    @Schema(
        types = {"integer", "null"},
        description =
            "The price in credits: the quote while the video is made, the credits charged once completed, 0 when it failed.")
    Long credits,

    @KinoraExtension
    @JsonProperty("source_video_id")
    @Schema(
        types = {"string", "null"},
        description = "The video this one was made from by a remix, an edit or an extension.")
    String sourceVideoId,

    @KinoraExtension
    @JsonProperty("source_kind")
    @Schema(
        types = {"string", "null"},
        allowableValues = {"remix", "edit", "extension"})
    String sourceKind,

    @KinoraExtension
    @JsonProperty("ai_generated")
    @Schema(description = "Made by a trained model (a platform's), not by the local renderer.")
    boolean aiGenerated,

    // an object's field: swagger takes the mark from @Schema here, not from @KinoraExtension
    @Schema(
        types = {"object", "null"},
        description =
            "The Content Credentials (C2PA) of a completed video fetched alone; null otherwise.",
        extensions =
            @Extension(
                properties =
                    @ExtensionProperty(
                        name = ApiDocumentation.EXTENSION,
                        value = "true",
                        parseValue = true)))
    ProvenanceSummary provenance,

    @KinoraExtension
    @Schema(
        description =
            "Where the video's data was sent (the transfer log), oldest first: empty when nothing left Kinora.")
    List<VideoTransfer> transfers,

    @Schema(types = {"object", "null"}) VideoError error) {

  /** OpenAI's error of a failed video; {@code code} is {@code cancelled} when its owner stopped it. */
  @Schema(
      name = "VideoError",
      requiredProperties = {"code", "message"})
  record VideoError(String code, String message) {}

  /**
   * @param aiGenerated made by a trained model (a platform's), not by the local renderer
   * @param provenance what the stored file's Content Credentials say; null until it is completed
   *     or when the video is one of a list
   * @param sent where its data went, oldest first
   */
  static VideoObject of(
      Generation g,
      Charge charge,
      boolean aiGenerated,
      ProvenanceSummary provenance,
      List<DataSent> sent) {
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
        sent.stream().map(VideoTransfer::of).toList(),
        g.failureIfAny().map(f -> new VideoError(f.code(), f.message())).orElse(null));
  }
}
