package app.kinora.generation.internal;

import app.kinora.billing.CreditLedger;
import app.kinora.generation.Attachment;
import app.kinora.generation.Generation;
import app.kinora.generation.GenerationAdministration;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationStatus;
import app.kinora.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The console's view of every generation (never their prompts) and the operators' actions. */
@Service
class OperatorGenerationActions implements GenerationAdministration {

  private static final String COLUMNS = """
      id, user_id, model, status, attempt, progress, seconds, width, height, error_code, error_message,
      created_at, started_at, completed_at""";

  private final JdbcClient jdbc;
  private final GenerationLifecycle lifecycle;
  private final GenerationReads reads;
  private final GenerationIntake intake;
  private final CreditLedger credits;

  OperatorGenerationActions(
      JdbcClient jdbc,
      GenerationLifecycle lifecycle,
      GenerationReads reads,
      GenerationIntake intake,
      CreditLedger credits) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.reads = reads;
    this.intake = intake;
    this.credits = credits;
  }

  @Override
  public List<Summary> search(Filter filter, int limit) {
    var sql = new StringBuilder("select " + COLUMNS + " from generations where true");
    if (filter.owner() != null) {
      sql.append(" and user_id = :owner");
    }
    if (filter.status() != null) {
      sql.append(" and status = :status");
    }
    if (filter.model() != null) {
      sql.append(" and model = :model");
    }
    if (filter.errorCode() != null) {
      sql.append(" and error_code = :code");
    }
    var query = jdbc.sql(sql.append(" order by created_at desc limit :limit").toString());
    if (filter.owner() != null) {
      query = query.param("owner", filter.owner().value());
    }
    if (filter.status() != null) {
      query = query.param("status", filter.status().name());
    }
    if (filter.model() != null) {
      query = query.param("model", filter.model());
    }
    if (filter.errorCode() != null) {
      query = query.param("code", filter.errorCode());
    }
    return query.param("limit", limit).query(OperatorGenerationActions::summary).list();
  }

  @Override
  public Optional<Summary> summary(GenerationId id) {
    return jdbc.sql("select " + COLUMNS + " from generations where id = ?")
        .param(id.value())
        .query(OperatorGenerationActions::summary)
        .optional();
  }

  @Override
  public boolean cancel(GenerationId id) {
    return lifecycle.cancelByOperator(id);
  }

  @Override
  public int cancelAll(UserId owner) {
    var open = jdbc.sql(
            "select id from generations where user_id = ? and status in ('QUEUED', 'IN_PROGRESS')")
        .param(owner.value())
        .query(UUID.class)
        .list();
    return (int) open.stream()
        .filter(id -> lifecycle.cancelByOperator(new GenerationId(id)))
        .count();
  }

  @Override
  public Generation retryAtNoCost(GenerationId failedId, String operator, String reason) {
    var failed = reads
        .find(failedId)
        .orElseThrow(() -> new IllegalStateException("There is no such video."));
    if (failed.status() != GenerationStatus.FAILED || failed.failure().isCancellation()) {
      throw new IllegalStateException("Only a video that failed can be run again.");
    }
    var price = credits.quote(GenerationIntake.work(failed.spec()));
    var note = "Run again at no cost (video %s): %s".formatted(failedId.apiId(), reason);
    credits.adjust(failed.owner(), price, note, operator);
    try {
      return intake.submit(
          failed.owner(), failed.spec(), Attachment.Files.NONE, failed.lineage().orElse(null));
    } catch (RuntimeException e) {
      credits.adjust(
          failed.owner(),
          app.kinora.billing.Credits.ZERO.minus(price),
          "Taken back: the video could not be run again",
          operator);
      throw e;
    }
  }

  @Override
  public Overview overview(Instant since) {
    var from = Timestamp.from(since);
    var perHour = jdbc.sql("""
            select date_trunc('hour', created_at) as hour, model, status, count(*) from generations
             where created_at >= ? group by 1, 2, 3 order by 1 desc, 2, 3""")
        .param(from)
        .query((rs, n) -> new HourCount(
            rs.getTimestamp(1).toInstant(),
            rs.getString(2),
            GenerationStatus.valueOf(rs.getString(3)),
            rs.getLong(4)))
        .list();
    var failures = jdbc.sql("""
            select model, error_code, count(*) from generations
             where status = 'FAILED' and created_at >= ? group by 1, 2 order by 3 desc, 1, 2""")
        .param(from)
        .query((rs, n) -> new FailureCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .list();
    return jdbc.sql("""
            select count(*) filter (where status = 'QUEUED'), count(*) filter (where status = 'IN_PROGRESS'),
                   min(created_at) filter (where status = 'QUEUED')
              from generations where status in ('QUEUED', 'IN_PROGRESS')""")
        .query((rs, n) -> new Overview(
            perHour, failures, rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3))))
        .single();
  }

  @Override
  public List<Request> requests(UserId owner, int limit) {
    return jdbc.sql("""
            select id, created_at, model, status, prompt, negative_prompt from generations
             where user_id = ? order by created_at desc limit ?""")
        .params(owner.value(), limit)
        .query((rs, n) -> new Request(
            new GenerationId(rs.getObject("id", UUID.class)),
            rs.getTimestamp("created_at").toInstant(),
            rs.getString("model"),
            GenerationStatus.valueOf(rs.getString("status")),
            rs.getString("prompt"),
            rs.getString("negative_prompt")))
        .list();
  }

  private static Summary summary(ResultSet rs, int row) throws SQLException {
    return new Summary(
        new GenerationId(rs.getObject("id", UUID.class)),
        new UserId(rs.getObject("user_id", UUID.class)),
        rs.getString("model"),
        GenerationStatus.valueOf(rs.getString("status")),
        rs.getInt("attempt"),
        rs.getInt("progress"),
        rs.getInt("seconds"),
        rs.getInt("width") + "x" + rs.getInt("height"),
        rs.getString("error_code"),
        rs.getString("error_message"),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("completed_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
