package app.kinora.api;

import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.media.Delivery;
import app.kinora.media.MediaFile;
import app.kinora.media.MediaProperties;
import app.kinora.media.StillPictures;
import app.kinora.shared.UserPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code GET /v1/videos/{id}/content}: the MP4 ({@code video/mp4}, with ranges), or its poster
 * ({@code thumbnail}) or sprite sheet ({@code spritesheet}) as {@code image/webp}, the types
 * OpenAI's API gives. The pictures are stored as JPEG (the web pages show them) and re-encoded
 * for each request; they are small.
 */
@RestController
@Tag(name = "Videos")
@RequestMapping("/v1/videos")
class VideoContentApi {

  private static final String WEBP = "image/webp";

  private final Generations generations;
  private final Delivery delivery;
  private final StillPictures pictures;
  private final Path work;

  VideoContentApi(
      Generations generations, Delivery delivery, StillPictures pictures, MediaProperties media) {
    this.generations = generations;
    this.delivery = delivery;
    this.pictures = pictures;
    this.work = media.workDir();
  }

  @Operation(summary = "Download video content", operationId = "RetrieveVideoContent")
  @ApiResponse(
      responseCode = "200",
      description = "The MP4 (byte ranges allowed), or its thumbnail or sprite sheet as WebP.",
      content = {
        @Content(mediaType = "video/mp4", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = WEBP, schema = @Schema(type = "string", format = "binary"))
      })
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
    var id = VideosApi.parse(videoId);
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
    var etag = id.apiId() + "-" + variant;
    if (output == OutputVariant.VIDEO) {
      return delivery.answer(MediaFile.of(file, output.contentType(), etag), request);
    }
    return delivery.answer(MediaFile.of(webp(file), WEBP, etag + "-webp"), request);
  }

  private Resource webp(Resource stored) {
    Path picture = null;
    Path converted = null;
    try {
      Files.createDirectories(work);
      picture = Files.createTempFile(work, "api-picture-", ".jpg");
      converted = Files.createTempFile(work, "api-picture-", ".webp");
      try (var in = stored.getInputStream()) {
        Files.copy(in, picture, StandardCopyOption.REPLACE_EXISTING);
      }
      pictures.toWebp(picture, converted);
      return new ByteArrayResource(Files.readAllBytes(converted));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(picture);
      deleteQuietly(converted);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException ignored) {
      // scratch space
    }
  }
}
