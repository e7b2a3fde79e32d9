package app.kinora.safety.internal;

import app.kinora.safety.SafetyAdministration;
import app.kinora.safety.SafetyProperties;
import app.kinora.shared.UserId;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
class SafetyConsole implements SafetyAdministration {

  /** The categories of OpenAI's moderation, so that both screeners speak the same words. */
  private static final List<String> CATEGORIES = List.of(
      "harassment",
      "harassment/threatening",
      "hate",
      "hate/threatening",
      "illicit",
      "illicit/violent",
      "self-harm",
      "self-harm/intent",
      "self-harm/instructions",
      "sexual",
      "sexual/minors",
      "violence",
      "violence/graphic");

  private final SafetyStore store;
  private final SafetyProperties properties;
  private final Clock clock;

  SafetyConsole(SafetyStore store, SafetyProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public List<BlockedTerm> terms() {
    return store.terms();
  }

  @Override
  public void addTerm(String category, String pattern, boolean regex) {
    if (!CATEGORIES.contains(category)) {
      throw new IllegalArgumentException("Choose one of the listed categories.");
    }
    if (pattern == null || pattern.isBlank()) {
      throw new IllegalArgumentException("Enter a word, a phrase or a pattern.");
    }
    if (pattern.length() > 500) {
      throw new IllegalArgumentException("A term is at most 500 characters long.");
    }
    BlockedTerms.compile(pattern.strip(), regex); // refuses a broken pattern now, not at screening
    store.addTerm(category, pattern.strip(), regex);
  }

  @Override
  public boolean removeTerm(long id) {
    return store.removeTerm(id);
  }

  @Override
  public Settings settings() {
    var chosen = store.settings();
    return new Settings(
        chosen.failClosed(),
        chosen.keepPrompts(),
        properties.strikes(),
        properties.strikeWindow(),
        properties.moderation().enabled());
  }

  @Override
  public void changeSettings(boolean failClosed, boolean keepPrompts) {
    store.saveSettings(new SafetyStore.Settings(failClosed, keepPrompts));
  }

  @Override
  public List<Flag> flags() {
    return store.flags(clock.instant().minus(properties.strikeWindow()));
  }

  @Override
  public List<Block> recentBlocks(int limit) {
    return store.blocks(null, limit);
  }

  @Override
  public boolean liftSuspension(UserId user) {
    return store.lift(user);
  }

  @Override
  public boolean suspendSubmissions(UserId user, String reason) {
    return store.suspend(user, reason);
  }

  @Override
  public void setPriority(UserId user, int priority) {
    if (priority < -10 || priority > 10) {
      throw new IllegalArgumentException("A priority is a whole number from -10 to 10.");
    }
    store.setPriority(user, priority);
  }

  @Override
  public List<String> categories() {
    return CATEGORIES;
  }
}
