package app.kinora.library;

import java.time.Duration;

/**
 * Finds and deletes stored objects that no generation or upload refers to any more (left by a
 * crash between writing a file and its row, or by a failed delete). Objects younger than the
 * grace period are left alone, since their row may be about to be written. Meant to be run by
 * the retention engine on a schedule; safe to run on several nodes at once.
 */
public interface StorageSweep {

  /** What one sweep saw and removed. */
  record Result(int examined, int deleted, long bytesFreed) {}

  Result sweep(Duration gracePeriod);
}
