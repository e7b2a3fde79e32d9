package app.kinora.billing.internal;

import app.kinora.billing.LedgerSubjects.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The credits history as a person reads it: one line per video however many ledger entries its
 * hold took (placed, then captured or released), other entries in plain words, and after each
 * line the balance it left, so that the lines add up to the balance at the top.
 */
final class CreditStatement {

  /** What a line is about, also what the page filters on. */
  enum Category {
    VIDEOS("Videos"),
    PURCHASES("Purchases"),
    GRANTS("Grants and adjustments"),
    REFUNDS("Refunds and expiry");

    private final String label;

    Category(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public String column() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * @param amount the change of the balance (a reserved video's credits change only what is
   *     available, so its amount is 0 and {@code reserved} says how much)
   * @param balanceAfter the balance once this line happened
   */
  record Line(
      Instant at,
      Category category,
      String what,
      String detail,
      String link,
      long amount,
      long reserved,
      long balanceAfter,
      String reference) {

    public String shownAmount() {
      if (reserved > 0) {
        return reserved + " reserved";
      }
      return amount > 0 ? "+" + amount : amount == 0 ? "no charge" : String.valueOf(amount);
    }
  }

  private CreditStatement() {}

  /**
   * @param entries the user's latest entries, newest first
   * @param balance the balance now, after the newest entry
   */
  static List<Line> of(List<LedgerEntry> entries, long balance, Map<String, Subject> subjects) {
    var lines = new ArrayList<Line>();
    var seenHolds = new HashSet<UUID>();
    long running = balance;
    for (var entry : entries) {
      if (entry.holdId() != null && isHoldStep(entry.kind())) {
        if (!seenHolds.add(entry.holdId())) {
          continue;
        }
      }
      var line = line(entry, entries, running, subjects);
      lines.add(line);
      running -= line.amount();
    }
    return lines;
  }

  private static boolean isHoldStep(LedgerEntry.Kind kind) {
    return kind == LedgerEntry.Kind.HOLD
        || kind == LedgerEntry.Kind.CAPTURE
        || kind == LedgerEntry.Kind.RELEASE;
  }

  private static Line line(
      LedgerEntry entry, List<LedgerEntry> all, long balanceAfter, Map<String, Subject> subjects) {
    var subject = entry.reference() == null ? null : subjects.get(entry.reference());
    var link = subject == null ? null : subject.link();
    return switch (entry.kind()) {
      case HOLD, CAPTURE, RELEASE -> video(entry, all, balanceAfter, subject);
      case PURCHASE ->
        new Line(
            entry.createdAt(),
            Category.PURCHASES,
            entry.reason() == null ? "Bought credits" : entry.reason(),
            null,
            null,
            entry.amount(),
            0,
            balanceAfter,
            entry.reference());
      case GRANT ->
        new Line(
            entry.createdAt(),
            Category.GRANTS,
            "Credits given",
            entry.reason(),
            null,
            entry.amount(),
            0,
            balanceAfter,
            entry.reference());
      case ADJUSTMENT ->
        new Line(
            entry.createdAt(),
            Category.GRANTS,
            entry.amount() >= 0 ? "Credits added by the operator" : "Credits taken by the operator",
            entry.reason(),
            link,
            entry.amount(),
            0,
            balanceAfter,
            entry.reference());
      case REFUND ->
        new Line(
            entry.createdAt(),
            Category.REFUNDS,
            "Refund",
            subject == null ? entry.reason() : subject.title(),
            link,
            entry.amount(),
            0,
            balanceAfter,
            entry.reference());
      case CHARGEBACK ->
        new Line(
            entry.createdAt(),
            Category.REFUNDS,
            "Payment disputed at the bank",
            entry.reason(),
            null,
            entry.amount(),
            0,
            balanceAfter,
            entry.reference());
      case EXPIRY ->
        new Line(
            entry.createdAt(),
            Category.REFUNDS,
            "Bought credits expired",
            entry.reason(),
            null,
            entry.amount(),
            0,
            balanceAfter,
            entry.reference());
    };
  }

  /** One video's hold, as it stands: charged, not charged, or still reserved. */
  private static Line video(
      LedgerEntry newest, List<LedgerEntry> all, long balanceAfter, Subject subject) {
    LedgerEntry hold = null;
    LedgerEntry capture = null;
    LedgerEntry release = null;
    for (var entry : all) {
      if (newest.holdId().equals(entry.holdId())) {
        switch (entry.kind()) {
          case HOLD -> hold = entry;
          case CAPTURE -> capture = entry;
          case RELEASE -> release = entry;
          default -> {}
        }
      }
    }
    var title = subject == null ? "A video you deleted" : subject.title();
    var link = subject == null ? null : subject.link();
    if (capture != null) {
      return new Line(
          newest.createdAt(),
          Category.VIDEOS,
          title,
          "charged",
          link,
          capture.amount(),
          0,
          balanceAfter,
          newest.reference());
    }
    if (release != null) {
      return new Line(
          newest.createdAt(),
          Category.VIDEOS,
          title,
          "not charged: the credits went back",
          link,
          0,
          0,
          balanceAfter,
          newest.reference());
    }
    long held = hold == null ? 0 : hold.heldChange();
    return new Line(
        newest.createdAt(),
        Category.VIDEOS,
        title,
        "reserved until the video is ready",
        link,
        0,
        held,
        balanceAfter,
        newest.reference());
  }
}
