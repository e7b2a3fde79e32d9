package app.kinora.api;

import app.kinora.account.CurrentUser;
import app.kinora.media.MediaKind;
import app.kinora.media.MediaRejected;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Turns the API's multipart reference files into accepted uploads, or an error naming the field. */
@Component
class ReferenceIntake {

  private final MediaUploads uploads;

  private static final int MAX_REPEATED_FILES = 10;

  ReferenceIntake(MediaUploads uploads) {
    this.uploads = uploads;
  }

  /** Deletes uploads accepted for a request that was refused after all. */
  void discard(CurrentUser user, List<UploadId> accepted) {
    uploads.discard(user.userId(), accepted);
  }

  /** Each file of a repeated field, accepted in order (at most 10, whatever the model takes). */
  List<UploadId> acceptAll(CurrentUser user, List<MultipartFile> files, String field, MediaKind kind,
      boolean keepOriginal, List<UploadId> accepted) {
    if (files == null) {
      return List.of();
    }
    var sent = files.stream().filter(file -> file != null && !file.isEmpty()).toList();
    if (sent.size() > MAX_REPEATED_FILES) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "too_many_files", field,
          "Send at most %d files in %s.".formatted(MAX_REPEATED_FILES, field));
    }
    return sent.stream().map(file -> accept(user, file, field, kind, keepOriginal, accepted)).toList();
  }

  /**
   * The accepted upload's id (also added to {@code accepted}), or null when the field was not
   * sent. With {@code keepOriginal} the file as sent is kept for its owner too.
   */
  UploadId accept(CurrentUser user, MultipartFile file, String field, MediaKind kind, boolean keepOriginal,
      List<UploadId> accepted) {
    if (file == null || file.isEmpty()) {
      return null;
    }
    try (var content = file.getInputStream()) {
      var id = uploads.accept(user.userId(), kind, content, keepOriginal).id();
      accepted.add(id);
      return id;
    } catch (MediaRejected e) {
      throw switch (e.reason()) {
        case TOO_LARGE -> new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "file_too_large", field, e.getMessage());
        case QUOTA_EXCEEDED -> new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "storage_quota_exceeded", field, e.getMessage());
        case UNSUPPORTED_TYPE -> new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_file_type", field, e.getMessage());
        case INVALID -> new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_file", field, e.getMessage());
      };
    } catch (IOException e) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_file", field, "The upload could not be read.");
    }
  }
}
