package app.kinora.privacy;

import app.kinora.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A privacy request received outside the app and logged by an operator.
 *
 * @param user the account it is about, if one has the requester's address
 * @param dueAt when it must be answered (extended at most once)
 * @param details what the requester asks for, in their words
 */
public record PrivacyRequest(
    UUID id,
    Kind kind,
    String requesterEmail,
    UserId user,
    String channel,
    Jurisdiction jurisdiction,
    Instant receivedAt,
    Instant dueAt,
    boolean extended,
    String extensionReason,
    Status status,
    Instant verifiedAt,
    Instant closedAt,
    String outcome,
    String details) {

  /** What the requester asks for, and what executing the request does. */
  public enum Kind {
    ACCESS("Access", "Prepare their data export"),
    PORTABILITY("Portability", "Prepare their data export"),
    CORRECTION("Correction", null),
    DELETION("Deletion", "Close the account (after the grace period)"),
    OBJECTION("Objection", "Stop content use and marketing email"),
    /** A report (from a parent, say) that the account belongs to a child under the minimum age. */
    UNDER_AGE("Under-age report", "Erase the account now");

    private final String label;
    private final String action;

    Kind(String label, String action) {
      this.label = label;
      this.action = action;
    }

    public String label() {
      return label;
    }

    /** The button that carries the request out, or null when an operator does it by hand. */
    public String action() {
      return action;
    }

    /**
     * Whether the account's owner must confirm the request first. A report of a child's account
     * comes from someone else; the operator weighs the evidence instead.
     */
    public boolean needsOwnerConfirmation() {
      return this != UNDER_AGE;
    }
  }

  /** Where a request stands. */
  public enum Status {
    RECEIVED,
    VERIFICATION_SENT,
    VERIFIED,
    COMPLETED,
    REJECTED;

    public boolean isOpen() {
      return this != COMPLETED && this != REJECTED;
    }
  }

  /**
   * The law whose timeline applies: the GDPR gives a month (30 days), extendable once by two
   * more (60 days) with a reason; California gives 45 days, extendable once by 45.
   */
  public enum Jurisdiction {
    GDPR(Duration.ofDays(30), Duration.ofDays(60)),
    CCPA(Duration.ofDays(45), Duration.ofDays(45)),
    OTHER(Duration.ofDays(30), Duration.ofDays(60));

    private final Duration deadline;
    private final Duration extension;

    Jurisdiction(Duration deadline, Duration extension) {
      this.deadline = deadline;
      this.extension = extension;
    }

    public Duration deadline() {
      return deadline;
    }

    public Duration extension() {
      return extension;
    }
  }

  public boolean isOverdue(Instant now) {
    return status.isOpen() && now.isAfter(dueAt);
  }

  /** Open and due within a week: shown as a warning. */
  public boolean isDueSoon(Instant now) {
    return status.isOpen() && !isOverdue(now) && now.plus(Duration.ofDays(7)).isAfter(dueAt);
  }
}
