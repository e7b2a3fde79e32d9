package app.kinora.media.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Executors;

/**
 * Runs a few blocking tasks (FFmpeg children, blob store writes) each on its own virtual thread
 * and waits for all of them. The first failure interrupts the others and is thrown once they have
 * all stopped, so that the caller can clean up behind them.
 */
final class Concurrently {

  /** A task that may block and fail. */
  @FunctionalInterface
  interface Task {
    void run() throws Exception;
  }

  private Concurrently() {}

  static void run(List<Task> tasks) throws IOException {
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var done = new ExecutorCompletionService<Void>(threads);
      for (var task : tasks) {
        done.submit(() -> {
          task.run();
          return null;
        });
      }
      try {
        for (int i = 0; i < tasks.size(); i++) {
          done.take().get();
        }
      } catch (ExecutionException e) {
        threads.shutdownNow();
        throw rethrown(e.getCause());
      } catch (InterruptedException e) {
        threads.shutdownNow();
        Thread.currentThread().interrupt();
        throw new InterruptedIOException(
            "interrupted while waiting for " + tasks.size() + " tasks");
      }
    } // closing waits until every task, interrupted or not, has returned
  }

  private static IOException rethrown(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException unchecked) {
      throw unchecked;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IOException(cause);
  }
}
