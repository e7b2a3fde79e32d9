package app.kinora.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenAI's characters ({@code POST /v1/videos/characters}, {@code GET
 * /v1/videos/characters/{id}}): no Kinora model keeps a character between videos, so both answer
 * the same documented refusal (400 {@code characters_not_supported}). Reference images ({@code
 * reference_images[]} on create) are Kinora's way to show a model what a subject looks like.
 */
@RestController
@Tag(name = "Videos")
@RequestMapping("/v1/videos/characters")
class CharactersApi {

  @Operation(
      summary = "Create a character (refused)",
      operationId = "CreateVideoCharacter",
      description = "Always 400 characters_not_supported.")
  @PostMapping
  void create() {
    throw refusal();
  }

  @Operation(
      summary = "Retrieve a character (refused)",
      operationId = "GetVideoCharacter",
      description = "Always 400 characters_not_supported.")
  @GetMapping("/{characterId}")
  void retrieve(@PathVariable String characterId) {
    throw refusal();
  }

  private static ApiProblem refusal() {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "characters_not_supported",
        null,
        "Characters are not supported: no model on this server keeps a character between videos. Send reference_images[] with a video instead, for models that take them.");
  }
}
