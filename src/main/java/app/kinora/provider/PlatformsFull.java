package app.kinora.provider;

/**
 * No route of the model could take the job because its platforms have as many jobs as {@link
 * PlatformLimits} allow (and no other route made the video): the job should wait in the queue and
 * be tried again, not fail. Nothing was sent anywhere.
 */
public class PlatformsFull extends RuntimeException {

  public PlatformsFull(String model) {
    super("every platform of " + model + " is at its cap of concurrent jobs");
  }
}
