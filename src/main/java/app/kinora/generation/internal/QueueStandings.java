package app.kinora.generation.internal;

import app.kinora.generation.Generation;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where a generation stands: while queued, its place in line — the queued generations a free
 * worker takes first, as {@link GenerationJob} ranks them (higher job priority, then older) —
 * and while rendering, the time left at the pace it has kept since it started.
 */
@Component("queueStandings")
class QueueStandings {

  /** Too little done to say how fast it goes. */
  private static final int LEAST_PERCENT = 3;

  private static final Duration LEAST_ELAPSED = Duration.ofSeconds(2);

  private final JdbcClient jdbc;
  private final Clock clock;

  QueueStandings(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** "2nd in line", "about 20 s left", or empty when there is nothing to say. */
  Optional<String> of(Generation generation) {
    return switch (generation.status()) {
      case QUEUED -> place(generation).map(QueueStandings::inLine);
      case IN_PROGRESS -> timeLeft(generation).map(QueueStandings::left);
      default -> Optional.empty();
    };
  }

  /** For the card template: the same sentence, or null. */
  public String text(Generation generation) {
    return of(generation).orElse(null);
  }

  /** 1 for the next to start; empty when its job is not (or no longer) waiting. */
  Optional<Integer> place(Generation generation) {
    return jdbc.sql("""
            select (select count(*) from generations other
                      join scheduled_tasks job on job.task_name = :task
                                              and job.task_instance = other.id::text
                     where other.status = 'QUEUED' and other.id <> mine.id
                       and (coalesce(job.priority, 0) > coalesce(my_job.priority, 0)
                            or (coalesce(job.priority, 0) = coalesce(my_job.priority, 0)
                                and (other.created_at, other.id) < (mine.created_at, mine.id)))) + 1
              from generations mine
              join scheduled_tasks my_job on my_job.task_name = :task
                                         and my_job.task_instance = mine.id::text
             where mine.id = :id and mine.status = 'QUEUED'""")
        .param("task", GenerationJobConfiguration.TASK_NAME)
        .param("id", generation.id().value())
        .query(Integer.class)
        .optional();
  }

  /** The time left at the pace so far; empty until enough is done to tell. */
  Optional<Duration> timeLeft(Generation generation) {
    int percent = generation.progress();
    if (percent < LEAST_PERCENT || percent >= 100) {
      return Optional.empty();
    }
    return jdbc.sql("select started_at from generations where id = ?")
        .param(generation.id().value())
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant)
        .map(started -> Duration.between(started, Instant.now(clock)))
        .filter(elapsed -> elapsed.compareTo(LEAST_ELAPSED) >= 0)
        .map(elapsed -> elapsed.multipliedBy(100 - percent).dividedBy(percent));
  }

  static String inLine(int place) {
    return place == 1 ? "Next in line" : ordinal(place) + " in line";
  }

  static String left(Duration remaining) {
    long seconds = remaining.toSeconds();
    if (seconds < 10) {
      return "Almost done";
    }
    if (seconds < 90) {
      return "About " + (Math.round(seconds / 5.0) * 5) + " s left";
    }
    return "About " + Math.round(seconds / 60.0) + " min left";
  }

  private static String ordinal(int n) {
    int lastTwo = n % 100;
    String suffix = lastTwo >= 11 && lastTwo <= 13
        ? "th"
        : switch (n % 10) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
    return n + suffix;
  }
}
