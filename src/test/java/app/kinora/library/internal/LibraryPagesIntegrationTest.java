package app.kinora.library.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.library.internal.LibraryItem.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Keyset pages over 10,000 items, filters, prompt search and sorts, on the real database. */
class LibraryPagesIntegrationTest extends IntegrationTest {

  private static final int ITEMS = 10_000;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  LibraryItems items;

  private static UUID owner;

  @BeforeEach
  void tenThousandItemsOnce() {
    if (owner != null) {
      return;
    }
    owner = UUID.randomUUID();
    // i % 4 decides the model, i % 3 the status, i % 10 the prompt; one item per minute, newest
    // last
    jdbc.sql("""
            insert into library_items (id, user_id, source, kind, status, model, prompt, seconds, width, height,
                                       duration_ms, bytes, created_at)
            select gen_random_uuid(), :owner, 'OUTPUT', 'VIDEO',
                   (array['COMPLETED', 'FAILED', 'IN_PROGRESS'])[i % 3 + 1],
                   (array['kinora-local', 'veo-3', 'kling-2', 'wan-2'])[i % 4 + 1],
                   (array['snowy mountains at sunrise', 'neon city in the rain', 'ocean waves', 'desert dunes',
                          'forest fireflies', 'aurora over a lake', 'campfire at night', 'underwater reef',
                          'space nebula', 'foggy harbour'])[i % 10 + 1] || ' take ' || i,
                   4, 1280, 720, 4000, i * 1000, timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute'
              from generate_series(1, :n) as i""").param("owner", owner).param("n", ITEMS).update();
    jdbc.sql("analyze library_items").update();
  }

  @Test
  void pagesThroughAllItemsNewestFirstWithoutGapsOrRepeats() {
    var seen = new HashSet<UUID>();
    var order = new ArrayList<java.time.Instant>();
    String after = null;
    int pages = 0;
    do {
      var page = items.page(
          owner,
          LibraryQuery.of(Source.OUTPUT, null, null, null, null, null, "newest", null, after));
      page.items().forEach(item -> {
        assertThat(seen.add(item.id())).as("no repeats").isTrue();
        order.add(item.createdAt());
      });
      after = page.next().orElse(null);
      pages++;
    } while (after != null);

    assertThat(seen).hasSize(ITEMS);
    assertThat(pages).isEqualTo((ITEMS + LibraryQuery.PAGE - 1) / LibraryQuery.PAGE);
    assertThat(order).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void aDeepPageIsAnIndexRangeScanWithoutSortingTheWholeLibrary() {
    var page = items.page(
        owner, LibraryQuery.of(Source.OUTPUT, null, null, null, null, null, "newest", null, null));
    var cursor = page.next().orElseThrow();
    for (int i = 0; i < 200; i++) {
      cursor = items
          .page(
              owner,
              LibraryQuery.of(Source.OUTPUT, null, null, null, null, null, "newest", null, cursor))
          .next()
          .orElseThrow();
    }
    var decoded = LibraryQuery.Cursor.decode(cursor).orElseThrow();
    var plan = jdbc.sql("""
            explain (format text)
            select * from library_items where user_id = ? and source = 'OUTPUT'
               and (created_at, id) < (?, ?) order by created_at desc, id desc limit 25""")
        .param(owner)
        .param(java.sql.Timestamp.from(
            java.time.Instant.EPOCH.plus(decoded.value(), java.time.temporal.ChronoUnit.MICROS)))
        .param(decoded.id())
        .query(String.class)
        .list();
    var text = String.join("\n", plan);
    assertThat(text).contains("library_items_page_idx").doesNotContain("Sort");
    long started = System.nanoTime();
    items.page(
        owner,
        LibraryQuery.of(
            Source.OUTPUT, "veo-3", "completed", null, null, "snow", "newest", null, cursor));
    System.out.printf(
        "deep filtered page of %d items: %.1f ms%n", ITEMS, (System.nanoTime() - started) / 1e6);
  }

  @Test
  void filtersSearchAndSortsNarrowTheItems() {
    var snowOnVeo = items.page(
        owner,
        LibraryQuery.of(
            Source.OUTPUT, "kling-2", "completed", null, null, "SNOW", "newest", null, null));
    assertThat(snowOnVeo.items()).isNotEmpty().allSatisfy(item -> {
      assertThat(item.model()).isEqualTo("kling-2");
      assertThat(item.status()).isEqualTo(LibraryItem.Status.COMPLETED);
      assertThat(item.prompt()).startsWith("snowy mountains");
    });
    var dunes = items.page(
        owner,
        LibraryQuery.of(
            Source.OUTPUT,
            null,
            null,
            "2026-01-02",
            "2026-01-02",
            "desert dune",
            "oldest",
            null,
            null));
    assertThat(dunes.items()).isNotEmpty().allSatisfy(item -> {
      assertThat(item.prompt()).startsWith("desert dunes");
      assertThat(item.createdAt().toString()).startsWith("2026-01-02");
    });
    assertThat(dunes.items()).extracting(LibraryItem::createdAt).isSorted();
    var largest = items.page(
        owner, LibraryQuery.of(Source.OUTPUT, null, null, null, null, null, "largest", null, null));
    assertThat(largest.items().getFirst().bytes()).isEqualTo(ITEMS * 1000L);
    var injected = items.page(
        owner,
        LibraryQuery.of(
            Source.OUTPUT, null, null, null, null, "x' | ! & :* (", "newest", null, null));
    assertThat(injected.items())
        .as("query syntax in the search box is only words")
        .isEmpty();
    assertThat(items
            .page(
                owner,
                LibraryQuery.of(Source.UPLOAD, null, null, null, null, null, null, null, null))
            .items())
        .isEmpty();
  }
}
