package app.kinora.library.internal;

import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A file name people recognise: the prompt's first words and the day, e.g. {@code
 * snowy-mountains-at-sunrise-2026-11-29.mp4}; a video a trained model made says so at the end
 * ({@code …-2026-11-29-ai-generated.mp4}).
 */
final class DownloadName {

  private static final int MAX_SLUG = 48;

  private DownloadName() {}

  static String of(LibraryItem item, String extension) {
    return of(item, extension, false);
  }

  static String of(LibraryItem item, String extension, boolean aiGenerated) {
    var slug = slug(item.prompt());
    if (slug.isEmpty()) {
      slug = "kinora-" + item.kind().name().toLowerCase(Locale.ROOT);
    }
    return slug
        + "-"
        + item.createdAt().atZone(ZoneOffset.UTC).toLocalDate()
        + (aiGenerated ? "-ai-generated" : "")
        + "."
        + extension;
  }

  /** Lowercase ASCII letters and digits joined by dashes, accents folded, cut at a word boundary. */
  static String slug(String text) {
    var ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "");
    var slug = new StringBuilder();
    for (var word : ascii.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (slug.length() + word.length() + 1 > MAX_SLUG) {
        break;
      }
      slug.append(slug.isEmpty() ? "" : "-").append(word);
    }
    return slug.toString();
  }
}
