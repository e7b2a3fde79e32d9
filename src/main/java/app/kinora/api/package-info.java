/**
 * The public API: an OpenAI-compatible Videos API under {@code /v1}, so that clients written for
 * OpenAI's {@code /v1/videos} work against Kinora with a base URL and an API key.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "shared",
      "billing",
      "generation",
      "account",
      "media",
      "safety",
      "provenance",
      "privacy::spi"
    })
package app.kinora.api;
