package app.kinora.privacy;

import app.kinora.shared.UserId;
import java.util.UUID;

/**
 * A step in handling a privacy request (logged, verification sent, verified, extended, completed,
 * rejected), published within the step's transaction so that the audit trail records it with it.
 *
 * @param operator who took the step, or null when the requester or the system did
 * @param subject the account the request is about, if known
 */
public record PrivacyRequestEvent(
    UUID request, String step, UserId operator, UserId subject, String details) {}
