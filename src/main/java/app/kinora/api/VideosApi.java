package app.kinora.api;

import app.kinora.billing.CreditLedger;
import app.kinora.billing.HoldId;
import app.kinora.generation.Attachment;
import app.kinora.generation.Generation;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationReferences;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.generation.SpecFields;
import app.kinora.media.Delivery;
import app.kinora.media.MediaFile;
import app.kinora.provenance.ContentCredentials;
import app.kinora.shared.UserPrincipal;
import app.kinora.shared.VideoSpec;
import app.kinora.shared.WebPaths;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** {@code /v1/videos}: create, retrieve, list and download videos, in the OpenAI shape. */
@RestController
@RequestMapping("/v1/videos")
class VideosApi {

  private static final int LIST_LIMIT = 100;

  private final Generations generations;
  private final CreditLedger credits;
  private final Delivery delivery;
  private final ContentCredentials contentCredentials;
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VideosApi.class);

  VideosApi(
      Generations generations,
      CreditLedger credits,
      Delivery delivery,
      ContentCredentials contentCredentials) {
    this.contentCredentials = contentCredentials;
    this.generations = generations;
    this.credits = credits;
    this.delivery = delivery;
  }

  /** JSON body, as sent by most HTTP clients; {@code seed}, {@code fps}, {@code generate_audio} and {@code caption} are Kinora's extensions. */
  record CreateVideo(
      String model,
      String prompt,
      String seconds,
      String size,
      Long seed,
      Integer fps,
      @JsonProperty("generate_audio") Boolean generateAudio,
      Boolean caption,
      @JsonProperty("negative_prompt") String negativePrompt) {

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
          .references(GenerationReferences.NONE)
          .build();
    }
  }

  /** A list page in the OpenAI shape. */
  record VideoList(
      String object,
      List<VideoObject> data,
      @JsonProperty("has_more") boolean hasMore) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  VideoObject createFromJson(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestBody CreateVideo body,
      HttpServletRequest request) {
    return accepted(request, generations.submit(user.userId(), body.spec(), Attachment.Files.NONE));
  }

  /** Multipart or URL-encoded form, as sent by the OpenAI SDKs; files under the names of their roles. */
  @PostMapping(
      consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
  VideoObject createFromForm(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(required = false) String model,
      @RequestParam(required = false) String prompt,
      @RequestParam(required = false) String seconds,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) Long seed,
      @RequestParam(required = false) Integer fps,
      @RequestParam(name = "generate_audio", required = false) Boolean generateAudio,
      @RequestParam(required = false) Boolean caption,
      @RequestParam(name = "negative_prompt", required = false) String negativePrompt,
      @RequestParam(name = "keep_original", required = false) Boolean keepOriginal,
      HttpServletRequest request) {
    var body = new CreateVideo(
        model, prompt, seconds, size, seed, fps, generateAudio, caption, negativePrompt);
    return accepted(
        request,
        generations.submit(
            user.userId(), body.spec(), ApiFiles.of(request, Boolean.TRUE.equals(keepOriginal))));
  }

  @GetMapping
  VideoList list(@AuthenticationPrincipal UserPrincipal user) {
    var recent = generations.recent(user.userId(), LIST_LIMIT);
    var charges = credits.charges(recent.stream().map(VideosApi::holdOf).toList());
    var videos = recent.stream()
        .map(g ->
            VideoObject.of(g, charges.get(holdOf(g)), generations.aiGenerated(g.model()), null))
        .toList();
    return new VideoList("list", videos, videos.size() == LIST_LIMIT);
  }

  @GetMapping("/{videoId}")
  VideoObject retrieve(@AuthenticationPrincipal UserPrincipal user, @PathVariable String videoId) {
    var generation =
        generations.find(user.userId(), parse(videoId)).orElseThrow(ApiProblem::videoNotFound);
    return VideoObject.of(
        generation,
        credits.charges(java.util.List.of(holdOf(generation))).get(holdOf(generation)),
        generations.aiGenerated(generation.model()),
        provenance(user, generation));
  }

  /** What the stored file's credentials say, read from its head; null until it is completed. */
  private ProvenanceSummary provenance(UserPrincipal user, Generation generation) {
    if (generation.status() != GenerationStatus.COMPLETED) {
      return null;
    }
    var file = generations.output(user.userId(), generation.id(), OutputVariant.VIDEO);
    if (file.isEmpty()) {
      return null;
    }
    try (var in = file.get().getInputStream()) {
      return ProvenanceSummary.of(contentCredentials.readHead(in));
    } catch (java.io.IOException e) {
      log.warn("Could not read the credentials of {}: {}", generation.id(), e.toString());
      return null;
    }
  }

  /**
   * Kinora's extension: stops a queued or running video. It ends {@code failed} with the error
   * code {@code cancelled}, and its held credits go back. A video that has already ended: 409.
   */
  @PostMapping("/{videoId}/cancel")
  VideoObject cancel(@AuthenticationPrincipal UserPrincipal user, @PathVariable String videoId) {
    var id = parse(videoId);
    if (!generations.cancel(user.userId(), id)) {
      var generation = generations.find(user.userId(), id).orElseThrow(ApiProblem::videoNotFound);
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "video_not_cancellable",
          "video_id",
          "The video has already ended (%s); there is nothing to cancel."
              .formatted(generation.status().apiName()));
    }
    return generations
        .find(user.userId(), id)
        .map(this::video)
        .orElseThrow(ApiProblem::videoNotFound);
  }

  @GetMapping("/{videoId}/content")
  ResponseEntity<Resource> content(
      @AuthenticationPrincipal UserPrincipal user,
      @PathVariable String videoId,
      @RequestParam(defaultValue = "video") String variant,
      WebRequest request) {
    var output = OutputVariant.parse(variant)
        .orElseThrow(() -> new ApiProblem(
            HttpStatus.BAD_REQUEST,
            "invalid_variant",
            "variant",
            "variant must be video, thumbnail or spritesheet."));
    var id = parse(videoId);
    // one query when the file is there (players ask for many ranges); the reason when it is not
    var file = generations.output(user.userId(), id, output).orElseThrow(() -> {
      var generation = generations.find(user.userId(), id).orElseThrow(ApiProblem::videoNotFound);
      if (generation.status() != GenerationStatus.COMPLETED) {
        return new ApiProblem(
            HttpStatus.CONFLICT,
            "video_not_ready",
            "video_id",
            "The video is %s; its content is available once it is completed."
                .formatted(generation.status().apiName()));
      }
      return ApiProblem.videoNotFound();
    });
    return delivery.answer(
        MediaFile.of(file, output.contentType(), id.apiId() + "-" + variant), request);
  }

  /** The new video's object; the request is marked accepted, so its device and log data is recorded. */
  private VideoObject accepted(HttpServletRequest request, Generation generation) {
    request.setAttribute(WebPaths.GENERATION_ACCEPTED, true);
    return video(generation);
  }

  /** The video object with its price from the ledger. */
  private VideoObject video(Generation generation) {
    return VideoObject.of(
        generation,
        credits.charges(java.util.List.of(holdOf(generation))).get(holdOf(generation)),
        generations.aiGenerated(generation.model()),
        null);
  }

  private static HoldId holdOf(Generation generation) {
    return new HoldId(generation.id().value());
  }

  private static GenerationId parse(String videoId) {
    try {
      return GenerationId.fromApiId(videoId);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.videoNotFound();
    }
  }
}
