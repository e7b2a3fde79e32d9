package app.kinora.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.ProviderFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressRelayUnitTest {

  @Test
  void reportsGoOnWhileTheListenerIsBusyAndOnlyTheLatestWaits() throws Exception {
    var release = new CountDownLatch(1);
    List<Double> received = new CopyOnWriteArrayList<>();
    try (var relay = new ProgressRelay(fraction -> {
      received.add(fraction);
      await(release);
    })) {
      relay.report(0.1);
      while (received.isEmpty()) {
        Thread.onSpinWait();
      }
      for (int i = 2; i <= 10; i++) {
        relay.report(i / 10.0); // would wait for the listener if the relay did not decouple them
      }
      release.countDown();
      relay.finish();
    }

    assertThat(received).containsExactly(0.1, 1.0);
  }

  @Test
  void sendsAtMostOneFractionPerIntervalButTheLastOneAtOnce() throws Exception {
    List<Double> received = new CopyOnWriteArrayList<>();
    var now = new AtomicLong();
    try (var relay = new ProgressRelay(received::add, now::get)) {
      relay.report(0.25);
      while (received.isEmpty()) {
        Thread.onSpinWait();
      }
      relay.report(0.5); // within the interval: waits
      relay.report(0.75); // replaces it
      now.addAndGet(ProgressRelay.INTERVAL_NANOS);
      while (received.size() < 2) {
        Thread.onSpinWait();
      }
      relay.report(1.0); // within the next interval, but the last
      relay.finish();
    }

    assertThat(received).containsExactly(0.25, 0.75, 1.0);
  }

  @Test
  void throwsWhatTheListenerThrewAtTheNextReport() throws Exception {
    var cancelled = ProviderFailure.of(FailureCode.CANCELLED, "cancelled by its owner");
    try (var relay = new ProgressRelay(fraction -> {
      throw cancelled;
    })) {
      relay.report(0.5);

      assertThatThrownBy(relay::finish).isSameAs(cancelled);
      assertThatThrownBy(() -> relay.report(0.6)).isSameAs(cancelled);
    }
  }

  @Test
  void finishWaitsUntilTheLastFractionHasArrived() throws Exception {
    List<Double> received = new CopyOnWriteArrayList<>();
    try (var relay = new ProgressRelay(received::add)) {
      for (int frame = 1; frame <= 240; frame++) {
        relay.report(frame / 240.0);
      }
      relay.finish();

      assertThat(received).isSorted().last().isEqualTo(1.0);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).as("released").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
