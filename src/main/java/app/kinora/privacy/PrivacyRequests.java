package app.kinora.privacy;

import app.kinora.privacy.PrivacyRequest.Jurisdiction;
import app.kinora.privacy.PrivacyRequest.Kind;
import app.kinora.privacy.PrivacyRequest.Status;
import app.kinora.privacy.spi.AccountDirectory;
import app.kinora.shared.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue of privacy requests that arrive by email or post (P11): an operator logs each one,
 * Kinora verifies the requester through the account's own address, computes the legal due date,
 * and carries the request out with the same machinery as self-service. Every step is published
 * as a {@link PrivacyRequestEvent} for the audit trail.
 */
@Service
public class PrivacyRequests {

  private final PrivacyRequestRows rows;
  private final RequestVerification verification;
  private final RequestFulfilment fulfilment;
  private final AccountDirectory accounts;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PrivacyRequests(
      PrivacyRequestRows rows,
      RequestVerification verification,
      RequestFulfilment fulfilment,
      AccountDirectory accounts,
      ApplicationEventPublisher events,
      Clock clock) {
    this.rows = rows;
    this.verification = verification;
    this.fulfilment = fulfilment;
    this.accounts = accounts;
    this.events = events;
    this.clock = clock;
  }

  /** Logs a request as received now; its due date follows from the jurisdiction. */
  @Transactional
  public PrivacyRequest log(
      Kind kind,
      String requesterEmail,
      String channel,
      Jurisdiction jurisdiction,
      UserId operator) {
    var email = requesterEmail == null ? "" : requesterEmail.strip();
    if (!email.matches("[^@\\s]+@[^@\\s]+") || channel == null || channel.isBlank()) {
      throw new IllegalArgumentException(
          "A request needs the requester's email address and the channel it came by.");
    }
    var id = UUID.randomUUID();
    var now = clock.instant();
    var user = accounts.findByEmail(email);
    rows.insertReceived(
        id,
        kind,
        email,
        user.orElse(null),
        channel.strip(),
        jurisdiction,
        now,
        now.plus(jurisdiction.deadline()));
    events.publishEvent(new PrivacyRequestEvent(
        id,
        "logged",
        operator,
        user.orElse(null),
        kind + " by " + channel.strip() + " under " + jurisdiction));
    return find(id).orElseThrow();
  }

  /**
   * A request from a signed-in user through their own account (a correction the pages do not
   * offer, say): the session proves who they are, so it is verified at once and goes to the
   * operators' queue with the legal due date.
   */
  @Transactional
  public PrivacyRequest fromAccount(
      UserId user, Kind kind, String details, Jurisdiction jurisdiction) {
    var text = details == null ? "" : details.strip();
    if (text.isEmpty() || text.length() > 2000) {
      throw new IllegalArgumentException("Tell us what to change, in up to 2000 characters.");
    }
    var email =
        accounts.emailOf(user).orElseThrow(() -> new IllegalStateException("The account is gone."));
    var id = UUID.randomUUID();
    var now = clock.instant();
    rows.insertVerified(
        id, kind, email, user, jurisdiction, now, now.plus(jurisdiction.deadline()), text);
    events.publishEvent(
        new PrivacyRequestEvent(id, "logged", null, user, kind + " from the account"));
    return find(id).orElseThrow();
  }

  /**
   * Starts verification: a one-time token whose link goes to the account's own address (never
   * to an address the requester merely claims). Returns the token for the email; only its hash
   * is stored.
   */
  @Transactional
  public Verification startVerification(UUID id, UserId operator) {
    return verification.start(open(id), operator);
  }

  /** What to send: the account's address and the token for its link. */
  public record Verification(String email, String token) {}

  /** The requester followed the link: the request is theirs. */
  @Transactional
  public Optional<PrivacyRequest> verify(String token) {
    return verification.verify(token).flatMap(this::find);
  }

  /** Extends the due date once, by the jurisdiction's extension, for a stated reason. */
  @Transactional
  public PrivacyRequest extend(UUID id, String reason, UserId operator) {
    var request = open(id);
    if (request.extended()) {
      throw new IllegalStateException("This request was already extended once.");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException(
          "An extension needs a reason, which the requester is told.");
    }
    rows.extend(id, reason.strip(), request.dueAt().plus(request.jurisdiction().extension()));
    events.publishEvent(
        new PrivacyRequestEvent(id, "extended", operator, request.user(), reason.strip()));
    return find(id).orElseThrow();
  }

  /**
   * Carries out a request with the machinery of self-service (see {@link RequestFulfilment}) and
   * closes it with what was done.
   */
  @Transactional
  public PrivacyRequest execute(UUID id, UserId operator) {
    var request = open(id);
    if (request.user() == null) {
      throw new IllegalStateException(
          "No account uses this address; there is nothing to carry out.");
    }
    if (request.kind().needsOwnerConfirmation() && request.status() != Status.VERIFIED) {
      throw new IllegalStateException("Verify the requester first.");
    }
    var outcome = fulfilment.carryOut(request);
    // re-read: carrying it out may change it (an erasure puts a tombstone in place of the account)
    return close(find(id).orElseThrow(), Status.COMPLETED, outcome, operator);
  }

  /** Closes the request with what was done (completed) or why not (rejected). */
  @Transactional
  public PrivacyRequest close(UUID id, boolean completed, String outcome, UserId operator) {
    if (outcome == null || outcome.isBlank()) {
      throw new IllegalArgumentException("Say what was done, or why the request was refused.");
    }
    return close(
        open(id), completed ? Status.COMPLETED : Status.REJECTED, outcome.strip(), operator);
  }

  /** Open requests, the most urgent first. */
  public List<PrivacyRequest> open() {
    return rows.open();
  }

  /** Recently closed requests, newest first. */
  public List<PrivacyRequest> closed(int limit) {
    return rows.closed(limit);
  }

  public Optional<PrivacyRequest> find(UUID id) {
    return rows.find(id);
  }

  /** The requests about the user, for their export. */
  public List<java.util.Map<String, Object>> export(UserId user) {
    return rows.export(user);
  }

  /**
   * On erasure the record that a request was made and answered stays (it shows the law was
   * followed), without the address or the account: the user id becomes a tombstone.
   */
  public void pseudonymise(UserId user) {
    rows.pseudonymise(user);
  }

  private PrivacyRequest close(
      PrivacyRequest request, Status status, String outcome, UserId operator) {
    rows.close(request.id(), status, outcome, clock.instant());
    events.publishEvent(new PrivacyRequestEvent(
        request.id(), status.name().toLowerCase(), operator, request.user(), outcome));
    return find(request.id()).orElseThrow();
  }

  private PrivacyRequest open(UUID id) {
    var request = find(id).orElseThrow(() -> new IllegalArgumentException("No such request."));
    if (!request.status().isOpen()) {
      throw new IllegalStateException("This request is closed.");
    }
    return request;
  }
}
