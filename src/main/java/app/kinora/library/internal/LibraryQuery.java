package app.kinora.library.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the grid shows: a tab, filters, search words, an order, and where the previous page ended.
 * Every value arrives from the query string and is checked here; anything malformed is ignored
 * rather than trusted.
 */
record LibraryQuery(
    LibraryItem.Source source,
    String model,
    LibraryItem.Status status,
    LocalDate from,
    LocalDate to,
    String words,
    Sort sort,
    boolean favouritesOnly,
    Cursor after,
    int limit) {

  static final int PAGE = 24;

  enum Sort {
    NEWEST,
    OLDEST,
    LARGEST;

    static Sort parse(String text) {
      return Stream.of(values())
          .filter(s -> s.name().equalsIgnoreCase(text))
          .findFirst()
          .orElse(NEWEST);
    }
  }

  /** The last item of the previous page: its sort value and id. */
  record Cursor(long value, UUID id) {

    String encode() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((value + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    static Optional<Cursor> decode(String text) {
      if (text == null || text.isBlank()) {
        return Optional.empty();
      }
      try {
        var parts =
            new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
        return Optional.of(new Cursor(Long.parseLong(parts[0]), UUID.fromString(parts[1])));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
  }

  /** The view the query string asks for; {@code favourites} is a checkbox ("on" when ticked). */
  static LibraryQuery of(
      LibraryItem.Source source,
      String model,
      String status,
      String from,
      String to,
      String q,
      String sort,
      String favourites,
      String after) {
    return new LibraryQuery(
        source,
        model == null || model.isBlank() ? null : model.strip(),
        parseStatus(status),
        parseDate(from),
        parseDate(to),
        q == null ? "" : q.strip(),
        Sort.parse(sort),
        favourites != null && !favourites.isBlank() && !favourites.strip().equals("false"),
        Cursor.decode(after).orElse(null),
        PAGE);
  }

  /** Whether anything narrows the view, so an empty grid says "nothing matches". */
  boolean filtered() {
    return model != null
        || status != null
        || from != null
        || to != null
        || !words.isEmpty()
        || favouritesOnly;
  }

  /**
   * The address of this same view at {@code path} ({@code /library}, or its fragment of cards),
   * from the cursor on; a null cursor is the first page. Every value is encoded, so search words
   * cannot add parameters of their own.
   */
  String link(String path, String cursor) {
    var params = new java.util.LinkedHashMap<String, String>();
    if (source == LibraryItem.Source.UPLOAD) {
      params.put("tab", "uploads");
    }
    params.put("model", model);
    params.put("status", status == null ? null : status.name().toLowerCase(Locale.ROOT));
    params.put("from", from == null ? null : from.toString());
    params.put("to", to == null ? null : to.toString());
    params.put("q", words.isEmpty() ? null : words);
    params.put("sort", sort == Sort.NEWEST ? null : sort.name().toLowerCase(Locale.ROOT));
    params.put("favourites", favouritesOnly ? "on" : null);
    params.put("after", cursor);
    var query = params.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return query.isEmpty() ? path : path + "?" + query;
  }

  /**
   * The search words as a PostgreSQL prefix query ({@code snow:* & peak:*}), or empty. Only
   * letters and digits pass, so no query syntax can be injected.
   */
  Optional<String> prefixQuery() {
    var terms = Stream.of(words.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .limit(8)
        .map(w -> w + ":*")
        .collect(Collectors.joining(" & "));
    return terms.isEmpty() ? Optional.empty() : Optional.of(terms);
  }

  private static LibraryItem.Status parseStatus(String text) {
    return Stream.of(LibraryItem.Status.values())
        .filter(s -> s.name().equalsIgnoreCase(text == null ? "" : text.strip()))
        .findFirst()
        .orElse(null);
  }

  private static LocalDate parseDate(String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
