package app.kinora.generation.internal;

import app.kinora.generation.GenerationStatus;
import app.kinora.generation.InvalidGenerationRequest;
import app.kinora.generation.Lineage;
import app.kinora.shared.UserId;
import org.springframework.stereotype.Component;

/**
 * A video made from another must come from a completed video of the same owner's, whose length is
 * the one the lineage records (an extension's output is checked against it).
 */
@Component
class SourceCheck {

  private final GenerationReads reads;

  SourceCheck(GenerationReads reads) {
    this.reads = reads;
  }

  void check(UserId owner, Lineage lineage) {
    var source = reads
        .findOwned(owner, lineage.source())
        .orElseThrow(() -> new InvalidGenerationRequest(
            "video", "video_not_found", "No video found with that id."));
    if (source.status() != GenerationStatus.COMPLETED) {
      throw new InvalidGenerationRequest(
          "video",
          "video_not_completed",
          "The source video is %s; only a completed video can be used."
              .formatted(source.status().apiName()));
    }
    if (source.outputSeconds() != lineage.sourceSeconds()) {
      throw new IllegalArgumentException("the lineage names a source of another length");
    }
  }
}
