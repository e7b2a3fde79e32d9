package app.kinora.render.prompt;

import app.kinora.provider.spi.PromptReading;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a prompt into a {@link SceneSpec}: known words and two-word phrases set places, light,
 * weather, elements, mood and camera; every other word still shifts the hue and the pace a
 * little, by its hash, so two different prompts never look alike.
 */
public final class PromptReader {

  /** Words that carry no picture; they still count in the variation hash. */
  private static final Set<String> FILLER = Set.of(
      "a",
      "an",
      "the",
      "of",
      "over",
      "at",
      "in",
      "on",
      "with",
      "and",
      "by",
      "under",
      "into",
      "through",
      "from",
      "to",
      "above",
      "below",
      "across",
      "near",
      "for",
      "its",
      "is",
      "are",
      "as",
      "shot",
      "scene",
      "view",
      "video",
      "footage",
      "cinematic",
      "4k",
      "8k",
      "hd",
      "very",
      "some",
      "full",
      "lots",
      "many",
      "few",
      "deep",
      "s",
      "up",
      "out",
      "time",
      "lapse",
      "lights",
      "motion",
      "mo",
      "white",
      "black");

  private PromptReader() {}

  public static SceneSpec read(String prompt) {
    var words = prompt.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    var draft = new Draft();
    int i = 0;
    while (i < words.length) {
      i += readAt(words, i, draft);
    }
    return draft.complete(hash(prompt.strip()));
  }

  /**
   * Which of the prompt's words and two-word phrases it will draw, and which other words (not
   * filler) only vary the colours and pace: what the studio shows while the user types.
   */
  public static PromptReading understand(String prompt) {
    var words = prompt.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    var drawn = new LinkedHashSet<String>();
    var notDrawn = new LinkedHashSet<String>();
    int i = 0;
    while (i < words.length) {
      if (i + 1 < words.length
          && Vocabulary.meaning(words[i] + "_" + words[i + 1]).isPresent()) {
        drawn.add(words[i] + " " + words[i + 1]);
        i += 2;
        continue;
      }
      var word = words[i++];
      if (Vocabulary.meaning(word).isPresent()) {
        drawn.add(word);
      } else if (!word.isEmpty() && !FILLER.contains(word)) {
        notDrawn.add(word);
      }
    }
    return new PromptReading(List.copyOf(drawn), List.copyOf(notDrawn));
  }

  /** Applies the word or phrase at {@code i} and returns how many words it used. */
  private static int readAt(String[] words, int i, Draft draft) {
    if (i + 1 < words.length) {
      var phrase = Vocabulary.meaning(words[i] + "_" + words[i + 1]);
      if (phrase.isPresent()) {
        phrase.get().accept(draft);
        return 2;
      }
    }
    var word = words[i];
    var meaning = Vocabulary.meaning(word);
    if (meaning.isPresent()) {
      meaning.get().accept(draft);
    } else if (!word.isEmpty() && !FILLER.contains(word)) {
      draft.unknown(hash(word));
    }
    return 1;
  }

  /** FNV-1a over UTF-8: unlike {@link String#hashCode()} it spreads short words over all 64 bits. */
  static long hash(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    return hash;
  }
}
