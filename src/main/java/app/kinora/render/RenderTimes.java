package app.kinora.render;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Where a render's wall time went on the encoding thread, part by part, for one debug line: each
 * {@link #lap} books the time since the previous one to a part.
 */
final class RenderTimes {

  /** The parts of a render, in the order they first happen. */
  enum Part {
    SETUP,
    DRAWING,
    ENCODING,
    SOUND,
    PROGRESS,
    FINISHING,
    STILLS
  }

  private final long[] nanos = new long[Part.values().length];
  private final long start = System.nanoTime();
  private long mark = start;

  void lap(Part part) {
    long now = System.nanoTime();
    nanos[part.ordinal()] += now - mark;
    mark = now;
  }

  long totalMillis() {
    return (mark - start) / 1_000_000;
  }

  @Override
  public String toString() {
    var parts = new StringJoiner(", ");
    for (var part : Part.values()) {
      parts.add(String.format(
          Locale.ROOT,
          "%s %d ms",
          part.name().toLowerCase(Locale.ROOT),
          nanos[part.ordinal()] / 1_000_000));
    }
    return parts.toString();
  }
}
