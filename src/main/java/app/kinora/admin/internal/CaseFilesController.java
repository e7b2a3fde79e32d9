package app.kinora.admin.internal;

import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The files of an account an operator looks at in an open case: its videos (and their posters)
 * and its uploads, as media sanitised them. Only while that operator's case about the account is
 * open (else 404, as for anything not there); only the account's own files (another account's id
 * is not found). Never cached; byte ranges for players.
 */
@Controller
class CaseFilesController {

  private final OpenCases cases;
  private final Generations generations;
  private final MediaUploads uploads;

  CaseFilesController(OpenCases cases, Generations generations, MediaUploads uploads) {
    this.cases = cases;
    this.generations = generations;
    this.uploads = uploads;
  }

  @GetMapping("/admin/users/{id}/case/videos/{video}/{variant}")
  ResponseEntity<Resource> video(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable UUID id,
      @PathVariable UUID video,
      @PathVariable String variant) {
    var account = withOpenCase(operator, id);
    var which = OutputVariant.parse(variant)
        .filter(v -> v != OutputVariant.SPRITESHEET)
        .orElseThrow(CaseFilesController::notFound);
    return file(
        generations.output(account, new GenerationId(video), which),
        MediaType.parseMediaType(which.contentType()));
  }

  @GetMapping("/admin/users/{id}/case/uploads/{upload}")
  ResponseEntity<Resource> upload(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable UUID id,
      @PathVariable UUID upload) {
    var account = withOpenCase(operator, id);
    var uploadId = new UploadId(upload);
    var found = uploads.find(account, uploadId).orElseThrow(CaseFilesController::notFound);
    return file(
        uploads.open(account, uploadId),
        MediaType.parseMediaType(
            switch (found.kind()) {
              case IMAGE -> "image/png";
              case AUDIO -> "audio/wav";
              case VIDEO -> "video/mp4";
            }));
  }

  private UserId withOpenCase(UserPrincipal operator, UUID id) {
    var account = new UserId(id);
    if (cases.of(operator.userId(), account).isEmpty()) {
      throw notFound();
    }
    return account;
  }

  private static ResponseEntity<Resource> file(Optional<Resource> resource, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString())
        .body(resource.orElseThrow(CaseFilesController::notFound));
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
