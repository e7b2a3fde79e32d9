package app.kinora.generation.internal;

import app.kinora.generation.GenerationCompleted;
import app.kinora.generation.GenerationFailed;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationQueued;
import app.kinora.generation.GenerationStarted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every node's {@link ProgressBus} that a generation changed, with PostgreSQL NOTIFY. It
 * listens to the generation's events inside the transaction that publishes them on purpose: a
 * NOTIFY is delivered exactly when that transaction commits, and never if it rolls back.
 */
@Component
class ProgressNotifier {

  static final String CHANNEL = "kinora_generation";

  private final JdbcClient jdbc;

  ProgressNotifier(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(GenerationQueued event) {
    changed(event.id());
  }

  @EventListener
  void on(GenerationStarted event) {
    changed(event.id());
  }

  @EventListener
  void on(GenerationCompleted event) {
    changed(event.id());
  }

  @EventListener
  void on(GenerationFailed event) {
    changed(event.id());
  }

  void changed(GenerationId id) {
    jdbc.sql("select pg_notify(?, ?)").param(CHANNEL).param(id.toString()).query(rs -> {});
  }
}
