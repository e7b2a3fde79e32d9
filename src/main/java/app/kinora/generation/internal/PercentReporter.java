package app.kinora.generation.internal;

import app.kinora.provider.spi.ProgressListener;
import java.util.function.IntConsumer;

/**
 * Turns a provider's fine-grained progress into whole percent steps, so a job writes at most a
 * hundred progress updates. 100 % is reserved for the stored, checked result.
 */
final class PercentReporter implements ProgressListener {

  private final IntConsumer sink;
  private final Runnable wantedCheck;
  private int last;

  PercentReporter(IntConsumer sink) {
    this(sink, () -> {});
  }

  /** @param wantedCheck throws when the generation is no longer wanted */
  PercentReporter(IntConsumer sink, Runnable wantedCheck) {
    this.sink = sink;
    this.wantedCheck = wantedCheck;
  }

  @Override
  public void stillWanted() {
    wantedCheck.run();
  }

  @Override
  public void progressed(double fraction) {
    int percent = (int) Math.clamp(Math.floor(fraction * 100), 0, 99);
    if (percent > last) {
      last = percent;
      sink.accept(percent);
    }
  }
}
