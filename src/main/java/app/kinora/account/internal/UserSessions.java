package app.kinora.account.internal;

import app.kinora.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A user's web sessions, wherever they were made: Spring Session JDBC indexes them by principal
 * name, which is the user id. Sessions are shown and revoked by a handle derived from their id,
 * so the page never carries a usable session id.
 */
@Component
class UserSessions {

  static final String DEVICE = "kinora.device";
  static final String SIGNED_IN_AT = "kinora.signedInAt";

  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.sessions = sessions;
  }

  /** A session as its owner sees it. */
  record SessionView(
      String handle, String device, Instant signedInAt, Instant lastSeen, boolean current) {

    private static final java.time.format.DateTimeFormatter FORMAT =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);

    public String signedInLabel() {
      return FORMAT.format(signedInAt);
    }

    public String lastSeenLabel() {
      return FORMAT.format(lastSeen);
    }
  }

  List<SessionView> list(UserId user, String currentSessionId) {
    return sessions.findByPrincipalName(user.toString()).values().stream()
        .map(session -> new SessionView(
            handle(session.getId()),
            session.getAttributeOrDefault(DEVICE, "Unknown device"),
            signedInAt(session),
            session.getLastAccessedTime(),
            session.getId().equals(currentSessionId)))
        .sorted(Comparator.comparing(SessionView::lastSeen).reversed())
        .toList();
  }

  /** Ends one of the user's sessions; false if the handle names none of theirs. */
  boolean revoke(UserId user, String handle) {
    for (var id : sessions.findByPrincipalName(user.toString()).keySet()) {
      if (MessageDigest.isEqual(
          handle(id).getBytes(StandardCharsets.US_ASCII),
          handle.getBytes(StandardCharsets.US_ASCII))) {
        sessions.deleteById(id);
        return true;
      }
    }
    return false;
  }

  /** Ends every session of the user except the given one (null: all of them). */
  void endAll(UserId user, String exceptSessionId) {
    sessions.findByPrincipalName(user.toString()).keySet().stream()
        .filter(id -> !id.equals(exceptSessionId))
        .forEach(sessions::deleteById);
  }

  private static Instant signedInAt(Session session) {
    Long millis = session.getAttribute(SIGNED_IN_AT);
    return millis == null ? session.getCreationTime() : Instant.ofEpochMilli(millis);
  }

  static String handle(String sessionId) {
    try {
      var digest = MessageDigest.getInstance("SHA-256")
          .digest(sessionId.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
