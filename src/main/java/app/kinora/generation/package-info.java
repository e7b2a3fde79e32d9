/**
 * Generation: a user's request for a video, its validation against the chosen model's
 * capabilities, the durable job that runs it on a provider on any node, its live progress, and
 * its output.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "shared",
      "billing",
      "provider",
      "provider::spi",
      "media",
      "privacy::spi",
      "safety",
      "provenance"
    })
package app.kinora.generation;
