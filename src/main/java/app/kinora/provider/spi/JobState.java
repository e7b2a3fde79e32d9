package app.kinora.provider.spi;

/** Kinora's states of a remote job; each adapter maps its platform's statuses onto these. */
public enum JobState {
  QUEUED,
  IN_PROGRESS,
  COMPLETED,
  FAILED,
  CANCELLED,
  EXPIRED;

  public boolean isTerminal() {
    return this != QUEUED && this != IN_PROGRESS;
  }
}
