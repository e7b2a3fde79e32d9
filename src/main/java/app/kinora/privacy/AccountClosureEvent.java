package app.kinora.privacy;

import app.kinora.shared.UserId;

/**
 * A step of an account's closure (requested, cancelled, erased), published within the step's
 * transaction for the audit trail.
 */
public record AccountClosureEvent(UserId user, String step, String details) {}
