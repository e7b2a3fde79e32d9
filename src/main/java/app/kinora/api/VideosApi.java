package app.kinora.api;

import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationFiles;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationReferences;
import app.kinora.generation.Generations;
import app.kinora.generation.ReferenceRole;
import app.kinora.generation.SpecFields;
import app.kinora.shared.UserPrincipal;
import app.kinora.shared.VideoSpec;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/videos}: create, retrieve, list, delete and cancel videos, in the OpenAI shape. */
@RestController
@Tag(name = "Videos")
@RequestMapping("/v1/videos")
class VideosApi {

  private final Generations generations;
  private final GenerationFiles files;
  private final VideoAnswers answers;
  private final Idempotency idempotency;
  private final ApiProperties properties;

  VideosApi(
      Generations generations,
      GenerationFiles files,
      VideoAnswers answers,
      Idempotency idempotency,
      ApiProperties properties) {
    this.generations = generations;
    this.files = files;
    this.answers = answers;
    this.idempotency = idempotency;
    this.properties = properties;
  }

  /**
   * JSON body. {@code seed}, {@code fps}, {@code generate_audio}, {@code caption}, {@code
   * negative_prompt} and {@code prompt_in_credentials} are Kinora's extensions.
   */
  record CreateVideo(
      String model,
      String prompt,
      String seconds,
      String size,
      @KinoraExtension Long seed,
      @KinoraExtension Integer fps,
      @KinoraExtension @JsonProperty("generate_audio") Boolean generateAudio,
      @KinoraExtension Boolean caption,
      @KinoraExtension @JsonProperty("negative_prompt") String negativePrompt,

      @KinoraExtension @JsonProperty("prompt_in_credentials")
      Boolean promptInCredentials,

      @JsonProperty("input_reference") InputReference inputReference) {

    VideoSpec<GenerationReferences> spec() {
      return VideoSpec.<GenerationReferences>builder()
          .model(model)
          .prompt(prompt)
          .negativePrompt(negativePrompt)
          .duration(SpecFields.seconds(seconds))
          .size(SpecFields.size(size))
          .framesPerSecond(fps)
          .seed(seed)
          .generateAudio(generateAudio)
          .caption(caption)
          .promptInCredentials(promptInCredentials)
          .references(GenerationReferences.NONE)
          .build();
    }
  }

  /** OpenAI's list page; {@code first_id} and {@code last_id} are null when it is empty. */
  @Schema(
      name = "VideoListResource",
      requiredProperties = {"object", "data", "first_id", "last_id", "has_more"})
  record VideoList(
      @Schema(allowableValues = "list") String object,
      List<VideoObject> data,

      @JsonProperty("first_id") @Schema(types = {"string", "null"})
      String firstId,

      @JsonProperty("last_id") @Schema(types = {"string", "null"})
      String lastId,

      @JsonProperty("has_more") boolean hasMore) {}

  /** OpenAI's answer to a delete. */
  @Schema(
      name = "DeletedVideoResource",
      requiredProperties = {"id", "object", "deleted"})
  record DeletedVideo(
      String id, @Schema(allowableValues = "video.deleted") String object, boolean deleted) {}

  @Operation(summary = "Create a video", operationId = "createVideo")
  @VideoAnswer
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> createFromJson(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestBody CreateVideo body,
      HttpServletRequest request) {
    return idempotency.once(
        user.userId(),
        request,
        body,
        () -> answers.created(
            request,
            generations.submit(
                user.userId(), body.spec(), with(body.inputReference(), Attachment.Files.NONE))));
  }

  /**
   * Multipart or URL-encoded form, as the OpenAI SDKs send it: files under the names of their
   * roles, {@code input_reference} as a file or as {@code input_reference[image_url]}.
   */
  @Operation(summary = "Create a video", operationId = "createVideo")
  @VideoAnswer
  @ReferenceFiles(openAi = "input_reference")
  @PostMapping(
      consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
  ResponseEntity<String> createFromForm(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(required = false) String model,
      @RequestParam(required = false) String prompt,
      @RequestParam(required = false) String seconds,
      @RequestParam(required = false) String size,
      @KinoraExtension @RequestParam(required = false) Long seed,
      @KinoraExtension @RequestParam(required = false) Integer fps,
      @KinoraExtension @RequestParam(name = "generate_audio", required = false)
          Boolean generateAudio,
      @KinoraExtension @RequestParam(required = false) Boolean caption,
      @KinoraExtension @RequestParam(name = "negative_prompt", required = false)
          String negativePrompt,
      @KinoraExtension @RequestParam(name = "prompt_in_credentials", required = false)
          Boolean promptInCredentials,
      @KinoraExtension @RequestParam(name = "keep_original", required = false) Boolean keepOriginal,
      @RequestParam(name = "input_reference[image_url]", required = false) String imageUrl,
      @RequestParam(name = "input_reference[file_id]", required = false) String fileId,
      HttpServletRequest request) {
    var reference =
        imageUrl == null && fileId == null ? null : new InputReference(imageUrl, fileId);
    var body = new CreateVideo(
        model,
        prompt,
        seconds,
        size,
        seed,
        fps,
        generateAudio,
        caption,
        negativePrompt,
        promptInCredentials,
        reference);
    return idempotency.once(
        user.userId(),
        request,
        null,
        () -> answers.created(
            request,
            generations.submit(
                user.userId(),
                body.spec(),
                with(reference, ApiFiles.of(request, Boolean.TRUE.equals(keepOriginal))))));
  }

  /** The caller's videos, newest first unless {@code order=asc}, a page after the video {@code after}. */
  @Operation(summary = "List videos", operationId = "ListVideos")
  @ApiResponse(
      responseCode = "200",
      description = "A page of videos.",
      content = @Content(schema = @Schema(implementation = VideoList.class)))
  @GetMapping
  ResponseEntity<String> list(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String order,
      @RequestParam(required = false) String after) {
    int size = limit == null ? properties.listDefaultLimit() : limit;
    if (size < 0 || size > 100) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST, "invalid_value", "limit", "limit must be between 0 and 100.");
    }
    if (order != null && !order.equals("asc") && !order.equals("desc")) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST, "invalid_value", "order", "order must be asc or desc.");
    }
    var cursor = after == null || after.isEmpty() ? null : cursor(after);
    var page = generations.page(user.userId(), cursor, "asc".equals(order), size);
    var videos = answers.objects(page.items());
    return answers.json(new VideoList(
        "list",
        videos,
        videos.isEmpty() ? null : videos.getFirst().id(),
        videos.isEmpty() ? null : videos.getLast().id(),
        page.hasMore()));
  }

  @Operation(summary = "Retrieve a video", operationId = "GetVideo")
  @VideoAnswer
  @GetMapping("/{videoId}")
  ResponseEntity<String> retrieve(
      @AuthenticationPrincipal UserPrincipal user, @PathVariable String videoId) {
    return generations
        .find(user.userId(), parse(videoId))
        .map(answers::retrieved)
        .orElseThrow(ApiProblem::videoNotFound);
  }

  /**
   * Deletes a completed or failed video with its files for good. A queued or running video is
   * refused with 409: cancel it first.
   */
  @Operation(summary = "Delete a video", operationId = "DeleteVideo")
  @ApiResponse(
      responseCode = "200",
      description = "The video and its files are gone.",
      content = @Content(schema = @Schema(implementation = DeletedVideo.class)))
  @DeleteMapping("/{videoId}")
  ResponseEntity<String> delete(
      @AuthenticationPrincipal UserPrincipal user, @PathVariable String videoId) {
    var id = parse(videoId);
    try {
      if (!files.delete(user.userId(), id)) {
        throw ApiProblem.videoNotFound();
      }
    } catch (IllegalStateException e) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "video_not_finished",
          "video_id",
          "The video is still being made. Cancel it first (POST /v1/videos/%s/cancel), then delete it."
              .formatted(videoId));
    }
    return answers.json(new DeletedVideo(videoId, "video.deleted", true));
  }

  /**
   * Kinora's extension: stops a queued or running video. It ends {@code failed} with the error
   * code {@code cancelled}, and its held credits go back. A video that has already ended: 409.
   */
  @Operation(summary = "Cancel a video", operationId = "CancelVideo")
  @KinoraExtension
  @VideoAnswer
  @PostMapping("/{videoId}/cancel")
  ResponseEntity<String> cancel(
      @AuthenticationPrincipal UserPrincipal user,
      @PathVariable String videoId,
      HttpServletRequest request) {
    var id = parse(videoId);
    return idempotency.once(user.userId(), request, null, () -> {
      if (!generations.cancel(user.userId(), id)) {
        var generation = generations.find(user.userId(), id).orElseThrow(ApiProblem::videoNotFound);
        throw new ApiProblem(
            HttpStatus.CONFLICT,
            "video_not_cancellable",
            "video_id",
            "The video has already ended (%s); there is nothing to cancel."
                .formatted(generation.status().apiName()));
      }
      return answers.video(
          generations.find(user.userId(), id).orElseThrow(ApiProblem::videoNotFound));
    });
  }

  /** The request's files with the first frame an {@code input_reference} object names. */
  private static Attachment.Files with(InputReference reference, Attachment.Files files) {
    if (reference == null) {
      return files;
    }
    if (files.count(ReferenceRole.FIRST_FRAME) > 0) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST,
          "invalid_input_reference",
          "input_reference",
          "Send input_reference either as a file or as an object, not both.");
    }
    var list = new ArrayList<>(files.list());
    list.add(reference.attachment());
    return new Attachment.Files(list, files.keepOriginals());
  }

  private GenerationId cursor(String after) {
    try {
      return GenerationId.fromApiId(after);
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST, "invalid_value", "after", "after must be a video id.");
    }
  }

  static GenerationId parse(String videoId) {
    try {
      return GenerationId.fromApiId(videoId);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.videoNotFound();
    }
  }
}
