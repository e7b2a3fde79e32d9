package app.kinora.provider.spi;

/** Receives a generation's progress as a fraction from 0 to 1. */
@FunctionalInterface
public interface ProgressListener {

  void progressed(double fraction);
}
