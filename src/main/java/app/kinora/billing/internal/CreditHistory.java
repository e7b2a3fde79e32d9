package app.kinora.billing.internal;

import app.kinora.billing.LedgerSubjects;
import app.kinora.billing.internal.CreditStatement.Category;
import app.kinora.billing.internal.CreditStatement.Line;
import app.kinora.shared.UserId;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The credits page's history: the latest ledger entries as statement lines, named and filtered. */
@Component
class CreditHistory {

  private static final int ENTRIES = 200;

  private final LedgerReads entries;
  private final List<LedgerSubjects> subjects;

  CreditHistory(LedgerReads entries, List<LedgerSubjects> subjects) {
    this.entries = entries;
    this.subjects = subjects;
  }

  /**
   * @param withBalance whether the lines carry the running balance: not when they are one
   *     reference's only, since the entries in between are left out
   */
  record Shown(List<Line> lines, boolean withBalance) {}

  /** The history, only {@code categories} (all when empty), only {@code reference} if given. */
  Shown of(UserId user, long balance, Set<Category> categories, String reference) {
    var latest = entries.history(user, List.of(), reference, ENTRIES);
    var named = describe(user, latest.stream().map(LedgerEntry::reference).toList());
    var lines = CreditStatement.of(latest, balance, named).stream()
        .filter(line -> categories.isEmpty() || categories.contains(line.category()))
        .toList();
    return new Shown(lines, reference == null);
  }

  /** The categories named in the request ("videos", "purchases", …), unknown names ignored. */
  static Set<Category> categories(List<String> names) {
    var chosen = EnumSet.noneOf(Category.class);
    if (names != null) {
      names.stream()
          .flatMap(name -> Arrays.stream(name.split(",")))
          .map(name -> name.strip().toUpperCase(Locale.ROOT))
          .flatMap(name -> Arrays.stream(Category.values()).filter(c -> c.name().equals(name)))
          .forEach(chosen::add);
    }
    return chosen;
  }

  private java.util.Map<String, LedgerSubjects.Subject> describe(
      UserId user, Collection<String> references) {
    var wanted = references.stream().filter(Objects::nonNull).distinct().toList();
    var named = new HashMap<String, LedgerSubjects.Subject>();
    if (!wanted.isEmpty()) {
      subjects.forEach(source -> named.putAll(source.describe(user, wanted)));
    }
    return named;
  }
}
