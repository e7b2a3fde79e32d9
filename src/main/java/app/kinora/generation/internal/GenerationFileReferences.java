package app.kinora.generation.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.StoredFileReferences;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Tells media's storage sweep which videos, posters and sprite sheets a generation still refers to. */
@Component
class GenerationFileReferences implements StoredFileReferences {

  private final OutputKeys outputs;

  GenerationFileReferences(OutputKeys outputs) {
    this.outputs = outputs;
  }

  @Override
  public Kind kind() {
    return Kind.VIDEO_OUTPUTS;
  }

  @Override
  public Set<BlobKey> referenced(Collection<BlobKey> keys) {
    return outputs.referenced(keys.stream().map(BlobKey::value).toList()).stream()
        .map(BlobKey::new)
        .collect(Collectors.toSet());
  }
}
