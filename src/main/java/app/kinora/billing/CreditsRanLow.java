package app.kinora.billing;

import app.kinora.shared.UserId;
import java.time.Instant;

/**
 * A charge took the user's available credits below {@code kinora.billing.low-credits-threshold}:
 * published once per crossing (again only after the credits rose to the threshold or above and
 * fell once more), in the transaction of the charge.
 *
 * @param hold the hold whose capture crossed the threshold (one crossing per capture at most)
 */
public record CreditsRanLow(
    UserId user, HoldId hold, Credits available, Credits threshold, Instant at) {}
