package app.kinora.safety.internal;

import app.kinora.safety.SafetyAdministration.BlockedTerm;
import app.kinora.safety.spi.Screener;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The operator's list of blocked terms and patterns, by category: a term matches as a whole word
 * or phrase in any case; a pattern is a regular expression (with {@code \m} and {@code \M} for the
 * start and end of a word, as PostgreSQL writes them). Read from the database at each screening,
 * so an edit in the console holds on every node at once.
 */
@Component
@Order(1)
class BlockedTerms implements Screener {

  private final SafetyStore store;

  BlockedTerms(SafetyStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "blocked-terms";
  }

  @Override
  public Optional<String> screen(List<String> texts) {
    for (var term : store.terms()) {
      var pattern = compile(term);
      if (texts.stream().anyMatch(text -> pattern.matcher(text).find())) {
        return Optional.of(term.category());
      }
    }
    return Optional.empty();
  }

  static Pattern compile(BlockedTerm term) {
    return compile(term.pattern(), term.regex());
  }

  /** @throws IllegalArgumentException for a pattern that does not compile */
  static Pattern compile(String pattern, boolean regex) {
    var flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    try {
      if (regex) {
        return Pattern.compile(
            pattern.replace("\\m", "(?<![\\w])(?=[\\w])").replace("\\M", "(?<=[\\w])(?![\\w])"),
            flags);
      }
      var words = pattern.strip().split("\\s+");
      var phrase = new StringBuilder();
      for (var word : words) {
        phrase.append(phrase.isEmpty() ? "" : "\\s+").append(Pattern.quote(word));
      }
      return Pattern.compile("(?<![\\w])" + phrase + "(?![\\w])", flags);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "The pattern is not a valid regular expression: " + e.getDescription() + ".");
    }
  }
}
