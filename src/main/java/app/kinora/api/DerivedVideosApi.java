package app.kinora.api;

import app.kinora.generation.Attachment;
import app.kinora.generation.Generation;
import app.kinora.generation.GenerationReferences;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.Lineage;
import app.kinora.generation.OutputVariant;
import app.kinora.generation.ReferenceRole;
import app.kinora.generation.SpecFields;
import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;
import app.kinora.shared.VideoSpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Videos made from another: {@code POST /v1/videos/{id}/remix} (the original's settings, a new
 * prompt), {@code POST /v1/videos/edits} (a video restyled: a completed video of the caller's, or
 * an uploaded clip) and {@code POST /v1/videos/extensions} (a completed video continued from its
 * last frame by N seconds; the result is the whole stitched video). Each builds a spec from the
 * original's settings and goes through the same intake as any new video.
 */
@RestController
@Tag(name = "Videos")
@RequestMapping("/v1/videos")
class DerivedVideosApi {

  private final Generations generations;
  private final VideoAnswers answers;
  private final Idempotency idempotency;

  DerivedVideosApi(Generations generations, VideoAnswers answers, Idempotency idempotency) {
    this.generations = generations;
    this.answers = answers;
    this.idempotency = idempotency;
  }

  /** OpenAI's reference to a completed video: {@code {"id": "video_…"}}. */
  record VideoReference(String id) {}

  record Remix(String prompt) {}

  record Edit(String prompt, VideoReference video) {}

  record Extension(String prompt, String seconds, VideoReference video) {}

  @Operation(summary = "Remix a video", operationId = "CreateVideoRemix")
  @VideoAnswer
  @PostMapping(path = "/{videoId}/remix", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> remix(
      @AuthenticationPrincipal UserPrincipal user,
      @PathVariable String videoId,
      @RequestBody Remix body,
      HttpServletRequest request) {
    return idempotency.once(
        user.userId(), request, body, () -> remix(user.userId(), videoId, body.prompt(), request));
  }

  @Operation(summary = "Remix a video", operationId = "CreateVideoRemix")
  @VideoAnswer
  @PostMapping(
      path = "/{videoId}/remix",
      consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
  ResponseEntity<String> remixForm(
      @AuthenticationPrincipal UserPrincipal user,
      @PathVariable String videoId,
      @RequestParam(required = false) String prompt,
      HttpServletRequest request) {
    return idempotency.once(
        user.userId(), request, null, () -> remix(user.userId(), videoId, prompt, request));
  }

  @Operation(summary = "Edit a video", operationId = "CreateVideoEdit")
  @VideoAnswer
  @PostMapping(path = "/edits", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> edit(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestBody Edit body,
      HttpServletRequest request) {
    return idempotency.once(
        user.userId(),
        request,
        body,
        () -> editOf(user.userId(), source(user.userId(), body.video()), body.prompt(), request));
  }

  /** {@code video[id]} names a completed video; a {@code video} file is a clip to restyle. */
  @Operation(summary = "Edit a video", operationId = "CreateVideoEdit")
  @VideoAnswer
  @ReferenceFiles(openAi = "video")
  @PostMapping(
      path = "/edits",
      consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
  ResponseEntity<String> editForm(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(required = false) String prompt,
      @RequestParam(name = "video[id]", required = false) String videoId,
      @KinoraExtension @RequestParam(required = false) String model,
      @KinoraExtension @RequestParam(required = false) String seconds,
      @KinoraExtension @RequestParam(required = false) String size,
      HttpServletRequest request) {
    return idempotency.once(user.userId(), request, null, () -> {
      var uploaded = ApiFiles.of(request, false);
      if (videoId != null) {
        if (uploaded.count(ReferenceRole.VIDEO) > 0) {
          throw bothVideos();
        }
        return editOf(
            user.userId(), source(user.userId(), new VideoReference(videoId)), prompt, request);
      }
      if (uploaded.count(ReferenceRole.VIDEO) == 0) {
        throw missingVideo("a completed video's id as video[id], or a clip as the file video");
      }
      var spec = VideoSpec.<GenerationReferences>builder()
          .model(model)
          .prompt(prompt)
          .duration(SpecFields.seconds(seconds))
          .size(SpecFields.size(size))
          .references(GenerationReferences.NONE)
          .build();
      return answers.created(request, generations.submit(user.userId(), spec, uploaded));
    });
  }

  @Operation(summary = "Extend a video", operationId = "CreateVideoExtend")
  @VideoAnswer
  @PostMapping(path = "/extensions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> extend(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestBody Extension body,
      HttpServletRequest request) {
    return idempotency.once(
        user.userId(),
        request,
        body,
        () -> extensionOf(user.userId(), source(user.userId(), body.video()), body, request));
  }

  @Operation(summary = "Extend a video", operationId = "CreateVideoExtend")
  @VideoAnswer
  @PostMapping(
      path = "/extensions",
      consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
  ResponseEntity<String> extendForm(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(required = false) String prompt,
      @RequestParam(required = false) String seconds,
      @RequestParam(name = "video[id]", required = false) String videoId,
      HttpServletRequest request) {
    return idempotency.once(user.userId(), request, null, () -> {
      if (ApiFiles.of(request, false).count(ReferenceRole.VIDEO) > 0) {
        throw new ApiProblem(
            HttpStatus.BAD_REQUEST,
            "invalid_video",
            "video",
            "Extensions continue a completed video of yours: name it as video[id]. An uploaded clip cannot be extended.");
      }
      var body =
          new Extension(prompt, seconds, videoId == null ? null : new VideoReference(videoId));
      return extensionOf(user.userId(), source(user.userId(), body.video()), body, request);
    });
  }

  private ResponseEntity<String> remix(
      UserId user, String videoId, String prompt, HttpServletRequest request) {
    var original = source(user, new VideoReference(videoId));
    var spec = settingsOf(original).prompt(prompt).build();
    return answers.created(
        request,
        generations.submit(
            user, spec, Attachment.Files.NONE, lineage(Lineage.Kind.REMIX, original)));
  }

  /** The original's settings and a new prompt, its video sent on as the clip to restyle. */
  private ResponseEntity<String> editOf(
      UserId user, Generation original, String prompt, HttpServletRequest request) {
    var spec = settingsOf(original)
        .prompt(prompt)
        .references(GenerationReferences.NONE)
        .build();
    var video = new Attachment(
        ReferenceRole.VIDEO,
        () -> generations
            .output(user, original.id(), OutputVariant.VIDEO)
            .orElseThrow(() -> new java.io.FileNotFoundException("the source video is gone"))
            .getInputStream());
    return answers.created(
        request,
        generations.submit(
            user,
            spec,
            new Attachment.Files(List.of(video), false),
            lineage(Lineage.Kind.EDIT, original)));
  }

  /** The original's settings and seed, a new prompt and length; generation starts it from the last frame. */
  private ResponseEntity<String> extensionOf(
      UserId user, Generation original, Extension body, HttpServletRequest request) {
    if (body.seconds() == null || body.seconds().isBlank()) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST,
          "missing_seconds",
          "seconds",
          "seconds is required: how many seconds to add, such as \"4\".");
    }
    var spec = original.spec().toBuilder()
        .prompt(body.prompt())
        .duration(SpecFields.seconds(body.seconds()))
        .references(GenerationReferences.NONE)
        .build();
    return answers.created(
        request,
        generations.submit(
            user, spec, Attachment.Files.NONE, lineage(Lineage.Kind.EXTENSION, original)));
  }

  /** Every setting of the original's, for the whole length of its output. */
  private static VideoSpec.Builder<GenerationReferences> settingsOf(Generation original) {
    return original.spec().toBuilder().duration(Duration.ofSeconds(original.outputSeconds()));
  }

  private static Lineage lineage(Lineage.Kind kind, Generation original) {
    return new Lineage(kind, original.id(), original.outputSeconds());
  }

  /** The caller's completed video the request names: 404 when unknown, 409 until it is completed. */
  private Generation source(UserId user, VideoReference reference) {
    if (reference == null || reference.id() == null || reference.id().isBlank()) {
      throw missingVideo("a completed video's id, as {\"video\": {\"id\": \"video_…\"}}");
    }
    var original = generations
        .find(user, VideosApi.parse(reference.id()))
        .orElseThrow(ApiProblem::videoNotFound);
    if (original.status() != GenerationStatus.COMPLETED) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "video_not_ready",
          "video_id",
          "The video is %s; only a completed video can be remixed, edited or extended."
              .formatted(original.status().apiName()));
    }
    return original;
  }

  private static ApiProblem missingVideo(String what) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "missing_video", "video", "Send " + what + ".");
  }

  private static ApiProblem bothVideos() {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "invalid_video",
        "video",
        "Send either video[id] or a video file, not both.");
  }
}
