package app.kinora.media.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.privacy.spi.DataCategory;
import app.kinora.privacy.spi.ExportedFile;
import app.kinora.privacy.spi.PersonalColumn;
import app.kinora.privacy.spi.PersonalDataHolder;
import app.kinora.privacy.spi.Purpose;
import app.kinora.shared.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A user's uploads: the rows and the sanitised files. */
@Component
class MediaPersonalData implements PersonalDataHolder {

  private final UploadRepository uploads;
  private final BlobStore blobs;

  MediaPersonalData(UploadRepository uploads, BlobStore blobs) {
    this.uploads = uploads;
    this.blobs = blobs;
  }

  @Override
  public String module() {
    return "media";
  }

  @Override
  public Set<String> tables() {
    return Set.of("media_uploads");
  }

  @Override
  public List<PersonalColumn> columns() {
    return PersonalColumn.of(
        "media_uploads",
        DataCategory.CONTENT,
        "until the user deletes the upload or the account",
        Set.of(Purpose.RENDERING, Purpose.DELIVERY),
        "kind",
        "blob_key",
        "original_key",
        "original_type");
  }

  @Override
  public Map<String, Object> export(UserId user) {
    var kept = uploads.originalsOf(user).keySet();
    return Map.of(
        "uploads",
        uploads.all(user).stream()
            .map(upload -> Map.of(
                "id", upload.id().toString(),
                "kind", upload.kind().label(),
                "bytes", upload.bytes(),
                "originalKept", kept.contains(upload.id().value()),
                "createdAt", upload.createdAt().toString()))
            .toList());
  }

  @Override
  public List<ExportedFile> files(UserId user) {
    var sanitised = uploads.filesOf(user).entrySet().stream()
        .map(upload -> file("uploads/" + upload.getKey(), upload.getValue()));
    var originals = uploads.originalsOf(user).entrySet().stream()
        .map(upload ->
            file("uploads/originals/" + upload.getKey(), upload.getValue().key()));
    return java.util.stream.Stream.concat(sanitised, originals).toList();
  }

  /** The stored object under {@code name} plus its extension in the archive. */
  private ExportedFile file(String name, String key) {
    var extension = key.contains(".") ? key.substring(key.lastIndexOf('.')) : "";
    return new ExportedFile(
        name + extension,
        () -> blobs
            .open(new BlobKey(key))
            .orElseThrow(() -> new java.io.FileNotFoundException(name))
            .getInputStream());
  }

  @Override
  public void erase(UserId user) {
    blobs.deleteAll(uploads.blobKeys(user));
    uploads.deleteAll(user);
  }
}
