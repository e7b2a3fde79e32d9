package app.kinora.media.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.StoredFileReferences;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Uploads' files still in use: a sanitised copy or a kept original of a row in {@code media_uploads}. */
@Component
class UploadReferences implements StoredFileReferences {

  private final UploadRepository uploads;

  UploadReferences(UploadRepository uploads) {
    this.uploads = uploads;
  }

  @Override
  public Kind kind() {
    return Kind.UPLOADS;
  }

  @Override
  public Set<BlobKey> referenced(Collection<BlobKey> keys) {
    return uploads.referencedKeys(keys.stream().map(BlobKey::value).toList()).stream()
        .map(BlobKey::new)
        .collect(Collectors.toSet());
  }
}
