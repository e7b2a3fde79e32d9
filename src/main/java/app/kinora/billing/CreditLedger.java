package app.kinora.billing;

import app.kinora.shared.UserId;
import java.util.Collection;
import java.util.Map;

/**
 * The billing module's API. {@link #hold}, {@link #capture} and {@link #release} join the
 * caller's transaction (and refuse to run without one), so that a hold is placed with the work it
 * pays for, and ends with the transaction that records the work's outcome.
 */
public interface CreditLedger {

  /** The price of the work under the configured price table. */
  Credits quote(PriceRequest request);

  /**
   * The price of the work if the user can pay it now, without holding anything: a cheap check
   * before slower steps. The hold itself checks again.
   *
   * @throws InsufficientCredits as {@link #hold} would
   */
  Credits affordable(UserId user, PriceRequest work);

  /**
   * Holds the price of the work from the user's available credits.
   *
   * @return the credits held
   * @throws InsufficientCredits when the available credits do not cover it or the account is frozen
   */
  Credits hold(UserId user, HoldId hold, PriceRequest work, String reference);

  /**
   * Ends an open hold by taking the price of the work actually done, never more than was held;
   * the rest goes back to the user. Does nothing for a hold that is unknown or already ended.
   *
   * @return whether this call ended the hold
   */
  boolean capture(HoldId hold, PriceRequest actualWork);

  /** Ends an open hold by giving it all back, saying why. Does nothing if it already ended. */
  boolean release(HoldId hold, String reason);

  /** What became of these holds; unknown ids are left out. */
  Map<HoldId, Charge> charges(Collection<HoldId> holds);

  Balance balance(UserId user);

  /** Credits given to the user by an operator, with a reason. */
  void grant(UserId user, Credits amount, String reason, String actor);

  /** An operator's correction: credits given (positive) or taken back (negative), with a reason. */
  void adjust(UserId user, Credits amount, String reason, String actor);
}
