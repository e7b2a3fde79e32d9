package app.kinora.provider;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One transmission of a generation's data to a platform, as the transfer log keeps it: names and
 * hashes of what was sent, never the contents.
 *
 * @param generation the generation whose data it was
 * @param provider the platform's name, e.g. {@code fal.ai}
 * @param country where it processes requests, from configuration
 * @param fields the request fields sent, e.g. {@code prompt}, {@code duration}, {@code size}
 * @param media the files sent
 * @param outcome {@code completed}, a failure code, or null while the job runs
 */
public record Transfer(
    UUID generation,
    String provider,
    String country,
    String model,
    List<String> fields,
    List<SentMedia> media,
    Instant sentAt,
    String outcome) {

  public Transfer {
    fields = List.copyOf(fields);
    media = List.copyOf(media);
  }

  /** A file sent along: its request field and the SHA-256 of its bytes. */
  public record SentMedia(String name, String sha256) {}

  /** {@code Sent to: fal.ai (US) — prompt, 1 image}. */
  public String summary() {
    var parts = new java.util.ArrayList<String>();
    if (fields.contains("prompt")) {
      parts.add("prompt");
    }
    if (fields.contains("negative_prompt")) {
      parts.add("negative prompt");
    }
    count(
        parts,
        media.stream()
            .filter(m -> m.name().endsWith("frame") || m.name().endsWith("image"))
            .count(),
        "image");
    count(parts, media.stream().filter(m -> m.name().equals("audio")).count(), "soundtrack");
    count(parts, media.stream().filter(m -> m.name().equals("video")).count(), "clip");
    return "Sent to: %s (%s) — %s".formatted(provider, country, String.join(", ", parts));
  }

  private static void count(List<String> parts, long count, String noun) {
    if (count > 0) {
      parts.add(count + " " + noun + (count > 1 ? "s" : ""));
    }
  }
}
