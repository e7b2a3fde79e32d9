package app.kinora.api;

import app.kinora.generation.DataSent;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Kinora's extension {@code transfers} on a video: one transmission of its data to a platform, as
 * the transfer log keeps it — where it went and which fields and files, by name.
 */
@Schema(
    name = "VideoTransfer",
    description = "One transmission of the video's data to a platform.",
    requiredProperties = {"platform", "country", "fields", "files", "sent_at"})
record VideoTransfer(
    @Schema(description = "The platform's name.") String platform,

    @Schema(description = "Where the platform processes requests.")
    String country,

    @Schema(description = "The request fields sent, e.g. prompt, duration, size.")
    List<String> fields,

    @Schema(description = "The files sent, by request field, e.g. first_frame.")
    List<String> files,

    @JsonProperty("sent_at") @Schema(description = "When, in Unix seconds.")
    long sentAt) {

  static VideoTransfer of(DataSent sent) {
    return new VideoTransfer(
        sent.platform(),
        sent.country(),
        sent.fields(),
        sent.files(),
        sent.sentAt().getEpochSecond());
  }
}
