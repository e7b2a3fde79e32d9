package app.kinora.render;

import app.kinora.provider.spi.ProgressListener;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.MDC;

/**
 * Hands the render's progress to the listener on a thread of its own, so that a slow listener
 * (Kinora's writes each new percent to the database and commits) never holds up the encoder,
 * and at most every {@link #INTERVAL_NANOS tenth of a second}, which is as often as anyone
 * watching a progress bar can tell. Only the latest fraction waits to be sent. What the listener
 * throws (the generation was cancelled, or a newer attempt took it over) is thrown to the
 * renderer at its next report.
 */
final class ProgressRelay implements AutoCloseable {

  static final long INTERVAL_NANOS = 100_000_000;

  private final ProgressListener listener;
  private final LongSupplier clock;
  private final Map<String, String> logContext;
  private final Thread thread;
  private double pending = -1;
  private boolean sending;
  private boolean closed;
  private boolean finishing;
  private long nextSend;
  private Throwable failure;

  ProgressRelay(ProgressListener listener) {
    this(listener, System::nanoTime);
  }

  /** @param clock nanoseconds, as {@link System#nanoTime()} */
  ProgressRelay(ProgressListener listener, LongSupplier clock) {
    this.listener = listener;
    this.clock = clock;
    this.nextSend = clock.getAsLong();
    this.logContext = MDC.getCopyOfContextMap();
    this.thread = Thread.ofPlatform().name("kinora-render-progress").daemon().start(this::relay);
  }

  /** Passes {@code fraction} on soon, or throws what the listener threw for an earlier one. */
  synchronized void report(double fraction) {
    rethrow();
    boolean none = pending < 0;
    pending = fraction;
    if (none) {
      notifyAll();
    }
  }

  /**
   * Sends the last fraction reported without waiting for the interval, waits until it has reached
   * the listener, and throws what the listener threw.
   */
  synchronized void finish() throws InterruptedException {
    finishing = true;
    notifyAll();
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

  /** The next fraction to send, waiting for one and for its time; negative once closed. */
  private synchronized double next() {
    try {
      while (!closed) {
        long early = nextSend - clock.getAsLong();
        if (pending >= 0 && (early <= 0 || finishing)) {
          double fraction = pending;
          pending = -1;
          sending = true;
          return fraction;
        }
        if (pending < 0) {
          wait();
        } else {
          wait(Math.max(1, early / 1_000_000));
        }
      }
    } catch (InterruptedException e) {
      // closing
    }
    return -1;
  }

  private synchronized void sent(Throwable thrown) {
    sending = false;
    nextSend = clock.getAsLong() + INTERVAL_NANOS;
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
