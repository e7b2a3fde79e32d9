package app.kinora.privacy;

import app.kinora.privacy.spi.AccountDirectory;
import app.kinora.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Proves a request by email is the account owner's: a one-time link to the account's own address. */
@Component
class RequestVerification {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final AccountDirectory accounts;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RequestVerification(
      JdbcClient jdbc, AccountDirectory accounts, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.events = events;
    this.clock = clock;
  }

  PrivacyRequests.Verification start(PrivacyRequest request, UserId operator) {
    if (request.user() == null) {
      throw new IllegalStateException("No account uses this address; nothing to verify against.");
    }
    var email = accounts
        .emailOf(request.user())
        .orElseThrow(() -> new IllegalStateException("The account is gone."));
    var token = newToken();
    jdbc.sql(
            "update privacy_requests set status = 'VERIFICATION_SENT', verification_token_hash = ? where id = ?")
        .params(hash(token), request.id())
        .update();
    events.publishEvent(
        new PrivacyRequestEvent(request.id(), "verification_sent", operator, request.user(), ""));
    return new PrivacyRequests.Verification(email, token);
  }

  /** The id of the request the token verified, if it did. */
  Optional<UUID> verify(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    var id = jdbc.sql("""
            update privacy_requests set status = 'VERIFIED', verified_at = ?, verification_token_hash = null
             where verification_token_hash = ? and status = 'VERIFICATION_SENT' returning id""")
        .params(Timestamp.from(clock.instant()), hash(token))
        .query(UUID.class)
        .optional();
    id.ifPresent(verified -> events.publishEvent(new PrivacyRequestEvent(
        verified,
        "verified",
        null,
        jdbc.sql("select user_id from privacy_requests where id = ?")
            .param(verified)
            .query(UUID.class)
            .optional()
            .map(UserId::new)
            .orElse(null),
        "")));
    return id;
  }

  private static String newToken() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
