package app.kinora.render;

import app.kinora.provider.spi.ProgressListener;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Hands the render's progress to the listener on a thread of its own, so that a slow listener
 * (Kinora's writes each new percent to the database and commits) never holds up the encoder.
 * Only the latest fraction waits to be sent. What the listener throws (the generation was
 * cancelled, or a newer attempt took it over) is thrown to the renderer at its next report.
 */
final class ProgressRelay implements AutoCloseable {

  private final ProgressListener listener;
  private final Map<String, String> logContext;
  private final Thread thread;
  private double pending = -1;
  private boolean sending;
  private boolean closed;
  private Throwable failure;

  ProgressRelay(ProgressListener listener) {
    this.listener = listener;
    this.logContext = MDC.getCopyOfContextMap();
    this.thread = Thread.ofPlatform().name("kinora-render-progress").daemon().start(this::relay);
  }

  /** Passes {@code fraction} on soon, or throws what the listener threw for an earlier one. */
  synchronized void report(double fraction) {
    rethrow();
    pending = fraction;
    notifyAll();
  }

  /** Waits until the last fraction reported has reached the listener; throws what it threw. */
  synchronized void finish() throws InterruptedException {
    while ((pending >= 0 || sending) && failure == null) {
      wait();
    }
    rethrow();
  }

  /** Lets the thread end once a fraction being sent has arrived; an unsent one is dropped. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void relay() {
    if (logContext != null) {
      MDC.setContextMap(logContext);
    }
    double fraction;
    while ((fraction = next()) >= 0) {
      try {
        listener.progressed(fraction);
        sent(null);
      } catch (RuntimeException | Error e) {
        sent(e);
        return;
      }
    }
  }

  /** The next fraction to send, waiting for one; negative once closed. */
  private synchronized double next() {
    while (pending < 0 && !closed) {
      try {
        wait();
      } catch (InterruptedException e) {
        return -1;
      }
    }
    if (closed) {
      return -1;
    }
    double fraction = pending;
    pending = -1;
    sending = true;
    return fraction;
  }

  private synchronized void sent(Throwable thrown) {
    sending = false;
    if (thrown != null) {
      failure = thrown;
    }
    notifyAll();
  }

  private void rethrow() {
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }
}
