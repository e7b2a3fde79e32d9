package app.kinora.generation.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.VideoOutputs;
import app.kinora.privacy.spi.DataCategory;
import app.kinora.privacy.spi.ExportedFile;
import app.kinora.privacy.spi.PersonalColumn;
import app.kinora.privacy.spi.PersonalDataHolder;
import app.kinora.privacy.spi.Purpose;
import app.kinora.shared.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A user's prompts, parameters and outputs. */
@Component
class GenerationPersonalData implements PersonalDataHolder {

  private final GenerationReads reads;
  private final GenerationStore store;
  private final OutputKeys outputs;
  private final BlobStore blobs;
  private final VideoOutputs files;

  GenerationPersonalData(
      GenerationReads reads,
      GenerationStore store,
      OutputKeys outputs,
      BlobStore blobs,
      VideoOutputs files) {
    this.reads = reads;
    this.store = store;
    this.outputs = outputs;
    this.blobs = blobs;
    this.files = files;
  }

  @Override
  public String module() {
    return "generation";
  }

  @Override
  public Set<String> tables() {
    return Set.of("generations");
  }

  @Override
  public List<PersonalColumn> columns() {
    return PersonalColumn.of(
        "generations",
        DataCategory.CONTENT,
        "until the user deletes the video or the account",
        Set.of(Purpose.RENDERING, Purpose.DELIVERY, Purpose.QUALITY_AND_SAFETY),
        "model",
        "prompt",
        "negative_prompt",
        "reference_images",
        "source_kind",
        "status",
        "error_code",
        "error_message",
        "output_key",
        "poster_key",
        "sprite_key");
  }

  @Override
  public Map<String, Object> export(UserId user) {
    var generations = reads.recent(user, Integer.MAX_VALUE, false).stream()
        .map(g -> {
          var row = new LinkedHashMap<String, Object>();
          row.put("id", g.id().apiId());
          var spec = g.spec();
          row.put("model", spec.model());
          row.put("prompt", spec.prompt());
          if (spec.negativePrompt() != null) {
            row.put("negativePrompt", spec.negativePrompt());
          }
          row.put("seconds", spec.seconds());
          row.put("size", spec.size().toString());
          row.put("seed", spec.seed());
          row.put("status", g.status().apiName());
          row.put("createdAt", g.createdAt().toString());
          return (Map<String, Object>) row;
        })
        .toList();
    return Map.of("generations", generations);
  }

  @Override
  public List<ExportedFile> files(UserId user) {
    return outputs.videos(user).entrySet().stream()
        .map(video -> new ExportedFile(
            "videos/" + video.getKey().apiId() + ".mp4",
            () -> blobs
                .open(new BlobKey(video.getValue()))
                .orElseThrow(() -> new java.io.FileNotFoundException(
                    "video of " + video.getKey().apiId()))
                .getInputStream()))
        .toList();
  }

  @Override
  public void erase(UserId user) {
    files.delete(outputs.ofOwner(user).stream().map(BlobKey::new).toList());
    store.deleteAll(user);
  }
}
