package app.kinora.generation.internal;

import app.kinora.generation.GenerationId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers "generation changed" signals to the subscribers on this node, whichever node made
 * the change: workers send PostgreSQL NOTIFY, and this bus LISTENs on one dedicated connection.
 * If the connection drops it reconnects; subscribers then learn the state on the next change.
 * When the node stops, every subscriber is told so first (its SSE stream closes with a retry hint,
 * and the browser reconnects through the load balancer to another node).
 */
@Component
class ProgressBus implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ProgressBus.class);
  private static final int WAIT_MILLIS = 500;

  private final DataSource dataSource;
  private final Map<GenerationId, Set<Subscription>> subscribers = new ConcurrentHashMap<>();
  private volatile boolean running;
  private Thread listener;

  ProgressBus(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private record Subscription(Consumer<GenerationId> onChange, Runnable onNodeStopping) {}

  /**
   * Calls {@code subscriber} on every change of the generation until the returned handle runs, and
   * {@code onNodeStopping} once if this node stops first.
   */
  Runnable subscribe(GenerationId id, Consumer<GenerationId> subscriber, Runnable onNodeStopping) {
    var subscription = new Subscription(subscriber, onNodeStopping);
    subscribers.computeIfAbsent(id, key -> new CopyOnWriteArraySet<>()).add(subscription);
    return () -> subscribers.computeIfPresent(id, (key, set) -> {
      set.remove(subscription);
      return set.isEmpty() ? null : set;
    });
  }

  @Override
  public void start() {
    running = true;
    listener =
        Thread.ofPlatform().daemon().name("generation-progress-listener").start(this::listen);
  }

  @Override
  public void stop() {
    running = false;
    if (listener != null) {
      listener.interrupt();
    }
    var closing = subscribers.values().stream().flatMap(Set::stream).toList();
    closing.forEach(subscription -> {
      try {
        subscription.onNodeStopping().run();
      } catch (RuntimeException e) {
        log.debug("Closing a progress subscriber failed: {}", e.toString());
      }
    });
    log.info(
        "Closed {} progress stream(s): their browsers reconnect to another node", closing.size());
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
          statement.execute("LISTEN " + ProgressNotifier.CHANNEL);
        }
        var pg = connection.unwrap(PGConnection.class);
        while (running) {
          var notifications = pg.getNotifications(WAIT_MILLIS);
          if (notifications != null) {
            for (var notification : notifications) {
              deliver(new GenerationId(UUID.fromString(notification.getParameter())));
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn("Progress listener lost its connection ({}); reconnecting", e.getMessage());
          pause();
        }
      }
    }
  }

  private void deliver(GenerationId id) {
    var set = subscribers.get(id);
    if (set != null) {
      set.forEach(subscription -> {
        try {
          subscription.onChange().accept(id);
        } catch (RuntimeException e) {
          log.debug("Progress subscriber failed: {}", e.toString());
        }
      });
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
