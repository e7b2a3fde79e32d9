package app.kinora.api;

import app.kinora.account.CurrentUser;
import app.kinora.media.MediaKind;
import app.kinora.media.MediaRejected;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Turns the API's multipart reference files into accepted uploads, or an error naming the field. */
@Component
class ReferenceIntake {

  private final MediaUploads uploads;

  ReferenceIntake(MediaUploads uploads) {
    this.uploads = uploads;
  }

  /** The accepted upload's id, or null when the field was not sent. */
  UploadId accept(CurrentUser user, MultipartFile file, String field, MediaKind kind) {
    if (file == null || file.isEmpty()) {
      return null;
    }
    try (var content = file.getInputStream()) {
      return uploads.accept(user.userId(), kind, content).id();
    } catch (MediaRejected e) {
      throw switch (e.reason()) {
        case TOO_LARGE -> new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "file_too_large", field, e.getMessage());
        case UNSUPPORTED_TYPE -> new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_file_type", field, e.getMessage());
        case INVALID -> new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_file", field, e.getMessage());
      };
    } catch (IOException e) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_file", field, "The upload could not be read.");
    }
  }
}
