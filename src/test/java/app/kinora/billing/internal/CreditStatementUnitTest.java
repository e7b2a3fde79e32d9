package app.kinora.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.billing.LedgerSubjects.Subject;
import app.kinora.billing.internal.CreditStatement.Category;
import app.kinora.billing.internal.LedgerEntry.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreditStatementUnitTest {

  private final List<LedgerEntry> entries = new ArrayList<>();
  private long id;

  @Test
  void aVideosHoldAndCaptureAreOneLineAndTheLinesAddUpToTheBalance() {
    var charged = UUID.randomUUID();
    var returned = UUID.randomUUID();
    var running = UUID.randomUUID();
    add(Kind.GRANT, 100, 0, null, "Starter credits", null);
    add(Kind.HOLD, 0, 11, charged, "4 s", "video_a");
    add(Kind.PURCHASE, 500, 0, null, "Bought studio (500 credits)", "pi_1");
    add(Kind.CAPTURE, -11, -11, charged, "4 s", "video_a");
    add(Kind.HOLD, 0, 7, returned, "2 s", "video_b");
    add(Kind.RELEASE, 0, -7, returned, "cancelled", "video_b");
    add(Kind.HOLD, 0, 9, running, "3 s", "video_c");
    long balance = 100 + 500 - 11;

    var lines = CreditStatement.of(
        newestFirst(),
        balance,
        Map.of("video_a", new Subject("neon city in the rain", "/library/a")));

    assertThat(lines)
        .extracting(CreditStatement.Line::category)
        .containsExactly(
            Category.VIDEOS, Category.VIDEOS, Category.VIDEOS, Category.PURCHASES, Category.GRANTS);
    assertThat(lines.get(0).shownAmount()).isEqualTo("9 reserved");
    assertThat(lines.get(1).shownAmount()).isEqualTo("no charge");
    assertThat(lines.get(2).what()).isEqualTo("neon city in the rain");
    assertThat(lines.get(2).link()).isEqualTo("/library/a");
    assertThat(lines.get(2).shownAmount()).isEqualTo("-11");
    assertThat(lines.get(3).shownAmount()).isEqualTo("+500");
    assertThat(lines.get(1).what()).isEqualTo("A video you deleted");
    // each line's balance is the one after it plus its own amount, down to zero before the grant
    assertThat(lines)
        .extracting(CreditStatement.Line::balanceAfter)
        .containsExactly(589L, 589L, 589L, 600L, 100L);
    assertThat(lines.getLast().balanceAfter() - lines.getLast().amount()).isZero();
  }

  private void add(Kind kind, long amount, long held, UUID hold, String reason, String reference) {
    entries.add(new LedgerEntry(
        ++id, kind, amount, held, hold, reason, reference, "user", Instant.ofEpochSecond(id)));
  }

  private List<LedgerEntry> newestFirst() {
    return entries.reversed();
  }
}
