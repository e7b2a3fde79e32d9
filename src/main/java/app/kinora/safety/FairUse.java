package app.kinora.safety;

import app.kinora.shared.UserId;

/** Limits on how fast videos may be asked for, and each account's place in the queue. */
public interface FairUse {

  /**
   * Takes one submission from the account's buckets (per minute and per day), and from the
   * caller's API key and address when the submission comes with an HTTP request. The buckets live
   * in the database, so every node counts against the same ones.
   *
   * @throws RateLimited when a bucket is empty
   */
  void admitSubmission(UserId user);

  /**
   * Takes one sign-up from the address's bucket (per hour), shared by every node.
   *
   * @throws RateLimited when the address has signed up too often
   */
  void admitSignUp(String address);

  /** The operator's priority for the account, from -10 to 10 (0 unless set). */
  int priority(UserId user);

  /**
   * How many of the account's videos may be made at the same time; the rest wait in the queue
   * ({@code kinora.safety.limits.running-per-account}).
   */
  int maxRunning(UserId user);
}
