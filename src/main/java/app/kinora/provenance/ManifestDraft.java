package app.kinora.provenance;

import java.time.Instant;
import java.util.List;

/**
 * What a video's manifest says about how it was made. It holds nothing about the person who asked
 * for it: no name, address or account, and no prompt unless its owner asked for it on that video.
 *
 * @param sourceType how the pictures were made
 * @param model the model's id, e.g. {@code veo-3} or {@code kinora-local}
 * @param platform the platform that ran the model, e.g. {@code fal.ai}; null for the local renderer
 * @param inputs the files the video was made from
 * @param madeAt when the video was finished
 * @param edit what Kinora changed in the model's video, in a sentence (a {@code c2pa.edited}
 *     action), or null when it is stored as the model made it
 * @param prompt the prompt, only when the video's owner chose to put it in its credentials; else
 *     null
 */
public record ManifestDraft(
    SourceType sourceType,
    String model,
    String platform,
    List<InputMedia> inputs,
    Instant madeAt,
    String edit,
    String prompt) {

  public ManifestDraft(
      SourceType sourceType,
      String model,
      String platform,
      List<InputMedia> inputs,
      Instant madeAt) {
    this(sourceType, model, platform, inputs, madeAt, null, null);
  }

  public ManifestDraft withEdit(String edit) {
    return new ManifestDraft(sourceType, model, platform, inputs, madeAt, edit, prompt);
  }

  /** The same, carrying the prompt its owner chose to publish with the video. */
  public ManifestDraft withPrompt(String prompt) {
    return new ManifestDraft(sourceType, model, platform, inputs, madeAt, edit, prompt);
  }

  public ManifestDraft {
    inputs = List.copyOf(inputs);
    if (sourceType == null || model == null || model.isBlank() || madeAt == null) {
      throw new IllegalArgumentException("a manifest needs a source type, a model and a time");
    }
  }
}
