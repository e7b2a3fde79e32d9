package app.kinora.privacy;

import app.kinora.privacy.PrivacyRequest.Jurisdiction;
import app.kinora.privacy.PrivacyRequest.Kind;
import app.kinora.privacy.PrivacyRequest.Status;
import app.kinora.privacy.spi.AccountDirectory;
import app.kinora.shared.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;
  private final PrivacyRequestRows rows;
  private final RequestVerification verification;
  private final AccountDirectory accounts;
  private final DataExports exports;
  private final AccountClosures closures;
  private final PrivacySettings settings;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PrivacyRequests(
      JdbcClient jdbc,
      PrivacyRequestRows rows,
      RequestVerification verification,
      AccountDirectory accounts,
      DataExports exports,
      AccountClosures closures,
      PrivacySettings settings,
      ApplicationEventPublisher events,
      Clock clock) {
    this.closures = closures;
    this.settings = settings;
    this.jdbc = jdbc;
    this.rows = rows;
    this.verification = verification;
    this.accounts = accounts;
    this.exports = exports;
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
    jdbc.sql("""
            insert into privacy_requests (id, kind, requester_email, user_id, channel, jurisdiction, received_at, due_at, status)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED')""")
        .params(
            id,
            kind.name(),
            email,
            user.map(UserId::value).orElse(null),
            channel.strip(),
            jurisdiction.name(),
            Timestamp.from(now),
            Timestamp.from(now.plus(jurisdiction.deadline())))
        .update();
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
    jdbc.sql("""
            insert into privacy_requests (id, kind, requester_email, user_id, channel, jurisdiction, received_at, due_at,
                                          status, verified_at, details)
            values (?, ?, ?, ?, 'account', ?, ?, ?, 'VERIFIED', ?, ?)""")
        .params(
            id,
            kind.name(),
            email,
            user.value(),
            jurisdiction.name(),
            Timestamp.from(now),
            Timestamp.from(now.plus(jurisdiction.deadline())),
            Timestamp.from(now),
            text)
        .update();
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
    jdbc.sql(
            "update privacy_requests set extended = true, extension_reason = ?, due_at = ? where id = ?")
        .params(
            reason.strip(),
            Timestamp.from(request.dueAt().plus(request.jurisdiction().extension())),
            id)
        .update();
    events.publishEvent(
        new PrivacyRequestEvent(id, "extended", operator, request.user(), reason.strip()));
    return find(id).orElseThrow();
  }

  /**
   * Carries out a request with the machinery of self-service and closes it: a data export for
   * access and portability, the account's closure (grace period included) for deletion, the
   * objection switches for objection, and an immediate erasure for an account reported to belong
   * to a child (P13). Corrections are made by hand on the account's pages.
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
    return switch (request.kind()) {
      case ACCESS, PORTABILITY -> {
        exports.request(request.user());
        yield close(
            request,
            Status.COMPLETED,
            "Data export prepared; the requester downloads it from their account.",
            operator);
      }
      case DELETION -> {
        var eraseAfter = closures.schedule(request.user());
        yield close(
            request,
            Status.COMPLETED,
            "Account closure scheduled: erased on "
                + DateTimeFormatter.ISO_LOCAL_DATE.format(eraseAfter.atZone(ZoneOffset.UTC))
                + " unless the owner signs in again before.",
            operator);
      }
      case OBJECTION -> {
        settings.save(request.user(), new PrivacySettings.Settings(false, false));
        yield close(
            request,
            Status.COMPLETED,
            "Their content is no longer used for quality and safety, and no "
                + "marketing email goes to them; analytics is chosen in each browser and is off without consent.",
            operator);
      }
      case UNDER_AGE -> {
        closures.erase(request.user());
        // re-read: the erasure replaced the account's id in this request by a tombstone
        yield close(
            find(id).orElseThrow(),
            Status.COMPLETED,
            "Account erased: reported under the minimum age.",
            operator);
      }
      case CORRECTION ->
        throw new IllegalStateException(
            "Corrections are made by hand: change it on the account's pages, then close the request with what was changed.");
    };
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
    jdbc.sql("update privacy_requests set status = ?, outcome = ?, closed_at = ? where id = ?")
        .params(status.name(), outcome, Timestamp.from(clock.instant()), request.id())
        .update();
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
