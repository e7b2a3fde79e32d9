package app.kinora.library.internal;

import app.kinora.library.internal.LibraryItem.Kind;
import app.kinora.library.internal.LibraryItem.Source;
import app.kinora.library.internal.LibraryItem.Status;
import app.kinora.library.internal.LibraryQuery.Cursor;
import app.kinora.library.internal.LibraryQuery.Sort;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code library_items} table: upserts from the modules' events, and keyset pages. */
@Repository
class LibraryItems {

  /** One page and the cursor of the next one, if there is more. */
  record Page(List<LibraryItem> items, Optional<String> next) {}

  private final JdbcClient jdbc;
  /**
   * Items behind signed links, which a player asks for range after range. What the link needs of
   * an item (owner, kind, prompt, date) never changes; whether its file still exists is checked on
   * every request, so a deleted item answers 404 at once on every node.
   */
  private final Cache<UUID, LibraryItem> signedLinkItems = Caffeine.newBuilder()
      .maximumSize(10_000)
      .expireAfterWrite(Duration.ofMinutes(1))
      .build();

  LibraryItems(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts or updates the item; events may come late or twice, so a status never moves back. */
  void save(LibraryItem item) {
    jdbc.sql("""
            insert into library_items (id, user_id, source, kind, status, model, prompt, seconds, width, height,
                                       duration_ms, bytes, created_at)
            select :id, :user, :source, :kind, :status, :model, :prompt, :seconds, :width, :height,
                   :duration, :bytes, :created
             where not exists (select 1 from library_removed where id = :id)
            on conflict (id) do update
               set status = excluded.status, model = excluded.model, prompt = excluded.prompt,
                   seconds = excluded.seconds, width = excluded.width, height = excluded.height,
                   duration_ms = excluded.duration_ms, bytes = excluded.bytes
             where library_items.user_id = excluded.user_id
               and (library_items.status in ('QUEUED', 'IN_PROGRESS') or excluded.status in ('COMPLETED', 'FAILED', 'CANCELLED'))
               and not (library_items.status = 'IN_PROGRESS' and excluded.status = 'QUEUED')""")
        .param("id", item.id())
        .param("user", item.owner())
        .param("source", item.source().name())
        .param("kind", item.kind().name())
        .param("status", item.status().name())
        .param("model", item.model())
        .param("prompt", item.prompt())
        .param("seconds", item.seconds())
        .param("width", item.width())
        .param("height", item.height())
        .param("duration", item.duration().toMillis())
        .param("bytes", item.bytes())
        .param("created", Timestamp.from(item.createdAt()))
        .update();
  }

  Optional<LibraryItem> find(UUID owner, UUID id) {
    return jdbc.sql("select * from library_items where id = ? and user_id = ?")
        .param(id)
        .param(owner)
        .query(LibraryItems::map)
        .optional();
  }

  /** Any user's item: only for signed links, whose signature names the owner. */
  Optional<LibraryItem> findForSignedLink(UUID id) {
    var cached = signedLinkItems.getIfPresent(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    var item = jdbc.sql("select * from library_items where id = ?")
        .param(id)
        .query(LibraryItems::map)
        .optional();
    item.ifPresent(found -> signedLinkItems.put(id, found));
    return item;
  }

  /** Stars or unstars the owner's item; false when the owner has no such item. */
  boolean markFavourite(UUID owner, UUID id, boolean favourite) {
    return jdbc.sql("update library_items set favourite = ? where id = ? and user_id = ?")
            .param(favourite)
            .param(id)
            .param(owner)
            .update()
        == 1;
  }

  /** Removes the item for good: a late event about it will not bring it back. */
  void delete(UUID owner, UUID id) {
    jdbc.sql("delete from library_removed where removed_at < now() - interval '30 days'")
        .update();
    jdbc.sql("insert into library_removed (id) values (?) on conflict do nothing")
        .param(id)
        .update();
    jdbc.sql("delete from library_items where id = ? and user_id = ?")
        .param(id)
        .param(owner)
        .update();
    signedLinkItems.invalidate(id);
  }

  void deleteAll(UUID owner) {
    jdbc.sql("delete from library_items where user_id = ?").param(owner).update();
    signedLinkItems.invalidateAll();
  }

  List<LibraryItem> all(UUID owner) {
    return jdbc.sql("select * from library_items where user_id = ? order by created_at")
        .param(owner)
        .query(LibraryItems::map)
        .list();
  }

  /** The owner's models that appear in the library, for the filter. */
  List<String> models(UUID owner) {
    return jdbc.sql(
            "select distinct model from library_items where user_id = ? and model is not null order by model")
        .param(owner)
        .query(String.class)
        .list();
  }

  Page page(UUID owner, LibraryQuery query) {
    var sql =
        new StringBuilder("select * from library_items where user_id = :user and source = :source");
    var params = new java.util.HashMap<String, Object>();
    params.put("user", owner);
    params.put("source", query.source().name());
    if (query.model() != null) {
      sql.append(" and model = :model");
      params.put("model", query.model());
    }
    if (query.favouritesOnly()) {
      sql.append(" and favourite");
    }
    if (query.status() != null) {
      sql.append(" and status = :status");
      params.put("status", query.status().name());
    }
    if (query.from() != null) {
      sql.append(" and created_at >= :from");
      params.put("from", Timestamp.from(query.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
    }
    if (query.to() != null) {
      sql.append(" and created_at < :to");
      params.put(
          "to", Timestamp.from(query.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
    }
    query.prefixQuery().ifPresent(words -> {
      sql.append(" and prompt_words @@ to_tsquery('simple', :words)");
      params.put("words", words);
    });
    var after = query.after();
    switch (query.sort()) {
      case NEWEST -> {
        if (after != null) {
          sql.append(" and (created_at, id) < (:afterTime, :afterId)");
        }
        sql.append(" order by created_at desc, id desc");
      }
      case OLDEST -> {
        if (after != null) {
          sql.append(" and (created_at, id) > (:afterTime, :afterId)");
        }
        sql.append(" order by created_at, id");
      }
      case LARGEST -> {
        if (after != null) {
          sql.append(" and (coalesce(bytes, 0), id) < (:afterValue, :afterId)");
        }
        sql.append(" order by coalesce(bytes, 0) desc, id desc");
      }
    }
    if (after != null) {
      params.put("afterTime", Timestamp.from(Instant.EPOCH.plus(after.value(), ChronoUnit.MICROS)));
      params.put("afterValue", after.value());
      params.put("afterId", after.id());
    }
    sql.append(" limit :limit");
    params.put("limit", query.limit() + 1);
    var rows = new ArrayList<>(
        jdbc.sql(sql.toString()).params(params).query(LibraryItems::map).list());
    if (rows.size() <= query.limit()) {
      return new Page(rows, Optional.empty());
    }
    rows.removeLast();
    var last = rows.getLast();
    long value = query.sort() == Sort.LARGEST
        ? last.bytes()
        : ChronoUnit.MICROS.between(Instant.EPOCH, last.createdAt());
    return new Page(rows, Optional.of(new Cursor(value, last.id()).encode()));
  }

  /** Those of the given ids that are items of the owner's. */
  List<LibraryItem> owned(UUID owner, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from library_items where user_id = ? and id = any(?)")
        .param(owner)
        .param(ids.toArray(UUID[]::new))
        .query(LibraryItems::map)
        .list();
  }

  private static LibraryItem map(ResultSet rs, int row) throws SQLException {
    return new LibraryItem(
        rs.getObject("id", UUID.class),
        rs.getObject("user_id", UUID.class),
        Source.valueOf(rs.getString("source")),
        Kind.valueOf(rs.getString("kind")),
        Status.valueOf(rs.getString("status")),
        rs.getString("model"),
        rs.getString("prompt"),
        rs.getInt("seconds"),
        rs.getInt("width"),
        rs.getInt("height"),
        Duration.ofMillis(rs.getLong("duration_ms")),
        rs.getLong("bytes"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getBoolean("favourite"));
  }
}
