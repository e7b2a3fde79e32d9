package app.kinora.provider.spi;

/** Receives a generation's progress as a fraction from 0 to 1. */
@FunctionalInterface
public interface ProgressListener {

  void progressed(double fraction);

  /**
   * Asked between two polls of a platform, whatever progress it reports: throws a {@link
   * ProviderFailure} with {@link FailureCode#CANCELLED} when the generation is no longer wanted
   * (its owner cancelled it), and the platform's job is then cancelled too.
   */
  default void stillWanted() {}
}
