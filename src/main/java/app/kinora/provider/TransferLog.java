package app.kinora.provider;

import app.kinora.provider.Transfer.SentMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.provider.spi.ReportedCost;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSpec;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transfer log: one row per transmission of a generation's data to a platform — where it went
 * (platform, country), which fields and files (names and hashes, not contents), when, and how it
 * ended. The platform's job id is kept beside it, to resume the job after a restart; it is never
 * shown.
 */
@Component
class TransferLog {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  TransferLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records what is about to be sent, before it is: a failed call was still a transmission. With
   * it, the model the user asked for and the route's published price for the seconds asked — the
   * estimate of its cost until the platform reports one.
   */
  UUID sending(
      GenerationTicket ticket,
      Route route,
      VideoSpec<?> request,
      List<String> fields,
      List<SentMedia> media) {
    var id = UUID.randomUUID();
    var info = route.provider().info();
    var price = route.model().pricePerSecond();
    jdbc.sql("""
            insert into provider_transfers
              (id, generation_id, user_id, provider, provider_name, country, model, fields, media, sent_at,
               requested_model, listed_cost_usd)
            values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
        .params(
            id,
            ticket.generation(),
            ticket.owner().value(),
            route.providerId(),
            info.name(),
            info.country(),
            route.model().id(),
            String.join(",", fields),
            JSON.writeValueAsString(media),
            now(),
            request.model(),
            price.signum() > 0
                ? price.multiply(BigDecimal.valueOf(request.duration().toSeconds()))
                : null)
        .update();
    return id;
  }

  /** What the platform said the transmission's job cost; the last word it gave counts. */
  void reported(UUID transfer, ReportedCost cost) {
    jdbc.sql("""
            update provider_transfers
               set reported_cost_usd = ?, reported_units = ?, reported_unit = ?
             where id = ?""").params(cost.usd(), cost.units(), cost.unit(), transfer).update();
  }

  void submitted(UUID transfer, RemoteJob job) {
    jdbc.sql("update provider_transfers set remote_id = ?, remote_locator = ? where id = ?")
        .params(job.id(), job.locator(), transfer)
        .update();
  }

  void finished(UUID transfer, String outcome) {
    jdbc.sql(
            "update provider_transfers set outcome = ?, finished_at = ? where id = ? and outcome is null")
        .params(outcome, now(), transfer)
        .update();
  }

  /**
   * The generation's transmission that has not ended: a restart resumes its job, or looks up the
   * job its submission made when the node died before the answer was stored.
   */
  Optional<Unfinished> unfinished(UUID generation) {
    return jdbc.sql("""
            select id, provider, model, remote_id, remote_locator, sent_at from provider_transfers
             where generation_id = ? and outcome is null
             order by sent_at desc limit 1""")
        .param(generation)
        .query((rs, n) -> new Unfinished(
            rs.getObject("id", UUID.class),
            rs.getString("provider"),
            rs.getString("model"),
            rs.getString("remote_id") == null
                ? null
                : new RemoteJob(rs.getString("remote_id"), rs.getString("remote_locator")),
            rs.getTimestamp("sent_at").toInstant()))
        .optional();
  }

  /** The latest failed transmissions, newest first (neither completed, cancelled nor running). */
  List<PlatformStatus.RecentFailure> recentFailures(int limit) {
    return jdbc.sql("""
            select provider, model, outcome, finished_at from provider_transfers
             where finished_at is not null and outcome not in ('completed', 'cancelled')
             order by finished_at desc limit ?""")
        .param(limit)
        .query((rs, n) -> new PlatformStatus.RecentFailure(
            rs.getString("provider"),
            rs.getString("model"),
            rs.getString("outcome"),
            reason(rs.getString("outcome")),
            rs.getTimestamp("finished_at").toInstant()))
        .list();
  }

  /** A failure code's sentence; the transfer log's own outcomes in a sentence of their own. */
  private static String reason(String code) {
    return java.util.Arrays.stream(app.kinora.provider.spi.FailureCode.values())
        .filter(c -> c.code().equals(code))
        .map(app.kinora.provider.spi.FailureCode::reason)
        .findFirst()
        .orElse(
            switch (code) {
              case "abandoned" -> "The route was no longer configured when the job was resumed.";
              case "not_accepted" ->
                "The platform had not taken a submission whose answer was lost.";
              default -> "";
            });
  }

  /** Submissions per platform since a time that may have made a job Kinora cannot find. */
  Map<String, Long> unconfirmedSince(Instant since) {
    var counts = new TreeMap<String, Long>();
    jdbc.sql("""
            select provider, count(*) as n from provider_transfers
             where outcome = ? and sent_at >= ? group by provider""")
        .params(RemoteRun.UNCONFIRMED, Timestamp.from(since))
        .query((rs, n) -> counts.put(rs.getString("provider"), rs.getLong("n")))
        .list();
    return counts;
  }

  /** A platform's webhook said the job changed; idempotent. Returns whether the job is Kinora's. */
  boolean pushed(String provider, String remoteId) {
    return jdbc.sql(
                "update provider_transfers set pushed_at = ? where provider = ? and remote_id = ?")
            .params(now(), provider, remoteId)
            .update()
        > 0;
  }

  boolean pushedSince(UUID transfer, Instant since) {
    return jdbc.sql("select count(*) from provider_transfers where id = ? and pushed_at >= ?")
            .params(transfer, Timestamp.from(since))
            .query(Long.class)
            .single()
        > 0;
  }

  List<Transfer> of(UUID generation) {
    return jdbc.sql("select * from provider_transfers where generation_id = ? order by sent_at, id")
        .param(generation)
        .query(TransferLog::transfer)
        .list();
  }

  /** The owner's generations' transmissions, oldest first; another user's generations give none. */
  List<Transfer> of(UserId owner, Collection<UUID> generations) {
    if (generations.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select * from provider_transfers
             where user_id = ? and generation_id = any(?) order by sent_at, id""")
        .params(owner.value(), generations.toArray(UUID[]::new))
        .query(TransferLog::transfer)
        .list();
  }

  /** The lines a generation's card shows, e.g. "Sent to: fal.ai (US) — prompt, 1 image". */
  public List<String> summaries(UUID generation) {
    return of(generation).stream().map(Transfer::summary).distinct().toList();
  }

  List<Transfer> ofUser(UserId user) {
    return jdbc.sql("select * from provider_transfers where user_id = ? order by sent_at, id")
        .param(user.value())
        .query(TransferLog::transfer)
        .list();
  }

  List<UUID> generationsOf(UserId user) {
    return jdbc.sql("select distinct generation_id from provider_transfers where user_id = ?")
        .param(user.value())
        .query(UUID.class)
        .list();
  }

  void erase(UserId user) {
    jdbc.sql("delete from provider_transfers where user_id = ?")
        .param(user.value())
        .update();
  }

  private static Transfer transfer(ResultSet rs, int row) throws SQLException {
    var media = new ArrayList<SentMedia>();
    for (var node : JSON.readTree(rs.getString("media"))) {
      media.add(new SentMedia(node.path("name").asString(), node.path("sha256").asString()));
    }
    var fields = rs.getString("fields");
    return new Transfer(
        rs.getObject("generation_id", UUID.class),
        rs.getString("provider_name"),
        rs.getString("country"),
        rs.getString("model"),
        fields.isEmpty() ? List.of() : Arrays.asList(fields.split(",")),
        media,
        rs.getTimestamp("sent_at").toInstant(),
        rs.getString("outcome"));
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * A transmission that has not ended.
   *
   * @param job the platform's job, or null when the answer to its submission was never stored
   */
  record Unfinished(UUID transfer, String provider, String model, RemoteJob job, Instant sentAt) {}
}
