package app.kinora.provenance;

import java.time.Instant;
import java.util.List;

/**
 * What a video's manifest says about how it was made. It holds nothing about the person who asked
 * for it: no name, address, account or prompt.
 *
 * @param sourceType how the pictures were made
 * @param model the model's id, e.g. {@code veo-3} or {@code kinora-local}
 * @param platform the platform that ran the model, e.g. {@code fal.ai}; null for the local renderer
 * @param inputs the files the video was made from
 * @param madeAt when the video was finished
 * @param edit what Kinora changed in the model's video, in a sentence (a {@code c2pa.edited}
 *     action), or null when it is stored as the model made it
 */
public record ManifestDraft(
    SourceType sourceType,
    String model,
    String platform,
    List<InputMedia> inputs,
    Instant madeAt,
    String edit) {

  public ManifestDraft(
      SourceType sourceType,
      String model,
      String platform,
      List<InputMedia> inputs,
      Instant madeAt) {
    this(sourceType, model, platform, inputs, madeAt, null);
  }

  public ManifestDraft withEdit(String edit) {
    return new ManifestDraft(sourceType, model, platform, inputs, madeAt, edit);
  }

  public ManifestDraft {
    inputs = List.copyOf(inputs);
    if (sourceType == null || model == null || model.isBlank() || madeAt == null) {
      throw new IllegalArgumentException("a manifest needs a source type, a model and a time");
    }
  }
}
