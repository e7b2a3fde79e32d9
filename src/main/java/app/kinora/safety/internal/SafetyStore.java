package app.kinora.safety.internal;

import app.kinora.safety.SafetyAdministration.Block;
import app.kinora.safety.SafetyAdministration.BlockedTerm;
import app.kinora.safety.SafetyAdministration.Flag;
import app.kinora.safety.SafetyProperties;
import app.kinora.shared.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The safety module's tables. */
@Repository
class SafetyStore {

  private final JdbcClient jdbc;
  private final SafetyProperties properties;

  SafetyStore(JdbcClient jdbc, SafetyProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  record Settings(boolean failClosed, boolean keepPrompts) {}

  /** The operator's choice, else the configured defaults. */
  Settings settings() {
    return jdbc.sql("select fail_closed, keep_prompts from safety_settings where id = 1")
        .query((rs, n) -> new Settings(rs.getBoolean(1), rs.getBoolean(2)))
        .optional()
        .orElse(new Settings(properties.failClosed(), properties.keepPrompts()));
  }

  void saveSettings(Settings settings) {
    jdbc.sql("""
            insert into safety_settings (id, fail_closed, keep_prompts, updated_at) values (1, ?, ?, now())
            on conflict (id) do update set fail_closed = excluded.fail_closed,
                                           keep_prompts = excluded.keep_prompts, updated_at = now()""").params(settings.failClosed(), settings.keepPrompts()).update();
  }

  List<BlockedTerm> terms() {
    return jdbc.sql(
            "select id, category, pattern, is_regex from safety_terms order by category, pattern")
        .query((rs, n) ->
            new BlockedTerm(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
        .list();
  }

  void addTerm(String category, String pattern, boolean regex) {
    jdbc.sql("""
            insert into safety_terms (category, pattern, is_regex) values (?, ?, ?)
            on conflict (category, pattern) do nothing""").params(category, pattern, regex).update();
  }

  boolean removeTerm(long id) {
    return jdbc.sql("delete from safety_terms where id = ?").param(id).update() == 1;
  }

  void recordBlock(
      UserId user, String source, String category, String screener, String prompt, Instant at) {
    jdbc.sql("""
            insert into safety_blocks (user_id, source, category, screener, prompt, created_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(user.value(), source, category, screener, prompt, Timestamp.from(at))
        .update();
  }

  /** Blocks since the later of {@code since} and the account's last reinstatement. */
  long strikes(UserId user, Instant since) {
    return jdbc.sql("""
            select count(*) from safety_blocks b
             where b.user_id = :user and b.created_at >= :since
               and b.created_at > coalesce((select a.reinstated_at from safety_accounts a
                                             where a.user_id = :user), '-infinity'::timestamptz)""")
        .param("user", user.value())
        .param("since", Timestamp.from(since))
        .query(Long.class)
        .single();
  }

  boolean suspended(UserId user) {
    return jdbc.sql("select suspended_at is not null from safety_accounts where user_id = ?")
        .param(user.value())
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  boolean suspend(UserId user, String reason) {
    return jdbc.sql("""
                insert into safety_accounts (user_id, suspended_at, suspension_reason, updated_at)
                values (?, now(), ?, now())
                on conflict (user_id) do update set suspended_at = now(),
                    suspension_reason = excluded.suspension_reason, updated_at = now()
                 where safety_accounts.suspended_at is null""").params(user.value(), reason).update() == 1;
  }

  boolean lift(UserId user) {
    return jdbc.sql("""
                update safety_accounts set suspended_at = null, suspension_reason = null, reinstated_at = now(),
                       updated_at = now()
                 where user_id = ? and suspended_at is not null""").param(user.value()).update() == 1;
  }

  int priority(UserId user) {
    return jdbc.sql("select priority from safety_accounts where user_id = ?")
        .param(user.value())
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  void setPriority(UserId user, int priority) {
    jdbc.sql("""
            insert into safety_accounts (user_id, priority, updated_at) values (?, ?, now())
            on conflict (user_id) do update set priority = excluded.priority""").params(user.value(), priority).update();
  }

  List<Flag> flags(Instant since) {
    return jdbc.sql("""
            select coalesce(a.user_id, b.user_id) as user_id, coalesce(b.strikes, 0) as strikes,
                   a.suspended_at, a.suspension_reason, coalesce(a.priority, 0) as priority
              from (select user_id, count(*) as strikes from safety_blocks where created_at >= ? group by user_id) b
              full join safety_accounts a on a.user_id = b.user_id
             where a.suspended_at is not null or b.strikes > 0 or a.priority <> 0
             order by a.suspended_at is null, strikes desc""")
        .param(Timestamp.from(since))
        .query((rs, n) -> new Flag(
            new UserId(rs.getObject("user_id", UUID.class)),
            rs.getLong("strikes"),
            Optional.ofNullable(rs.getTimestamp("suspended_at"))
                .map(Timestamp::toInstant)
                .orElse(null),
            rs.getString("suspension_reason"),
            rs.getInt("priority")))
        .list();
  }

  List<Block> blocks(UserId user, int limit) {
    return jdbc.sql(
            "select * from safety_blocks where (:user::uuid is null or user_id = :user::uuid)"
                + " order by id desc limit :limit")
        .param("user", user == null ? null : user.value())
        .param("limit", limit)
        .query((rs, n) -> new Block(
            new UserId(rs.getObject("user_id", UUID.class)),
            rs.getString("source"),
            rs.getString("category"),
            rs.getString("screener"),
            rs.getString("prompt"),
            rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  void erase(UserId user) {
    jdbc.sql("delete from safety_blocks where user_id = ?").param(user.value()).update();
    jdbc.sql("delete from safety_accounts where user_id = ?")
        .param(user.value())
        .update();
  }
}
