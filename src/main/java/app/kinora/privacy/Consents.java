package app.kinora.privacy;

import app.kinora.privacy.internal.ConsentCookie;
import app.kinora.privacy.internal.ConsentRecords;
import app.kinora.privacy.internal.PreferencesCookie;
import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Visitors' storage and analytics choices. The choice lives in a necessary cookie for everyone
 * and, for signed-in users, also in an append-only record (version, time) that follows them to
 * other browsers. {@code Sec-GPC: 1} switches analytics off without asking.
 */
@Service
public class Consents {

  private final ConsentRecords records;
  private final PrivacyProperties properties;
  private final Clock clock;

  Consents(ConsentRecords records, PrivacyProperties properties, Clock clock) {
    this.records = records;
    this.properties = properties;
    this.clock = clock;
  }

  /** The choice in force for this request. */
  public Consent current(HttpServletRequest request) {
    boolean gpc = "1".equals(request.getHeader("Sec-GPC"));
    int version = properties.consentVersion();
    var fromCookie = ConsentCookie.read(request, version, gpc);
    if (fromCookie.isPresent()) {
      return fromCookie.get();
    }
    return signedInUser()
        .flatMap(user -> records.latest(user, version))
        .map(record -> new Consent(version, record.preferences(), record.analytics(), gpc, true))
        .orElse(Consent.undecided(version, gpc));
  }

  /** Records a choice: in the cookie, and for a signed-in user in their consent history. */
  public Consent choose(
      HttpServletRequest request,
      HttpServletResponse response,
      boolean preferences,
      boolean analytics) {
    boolean gpc = "1".equals(request.getHeader("Sec-GPC"));
    var consent =
        new Consent(properties.consentVersion(), preferences, analytics && !gpc, gpc, true);
    ConsentCookie.write(response, consent, request.isSecure());
    if (!preferences) {
      // nothing remembered without consent: what was remembered before goes too
      PreferencesCookie.forget(response, request.isSecure());
    }
    signedInUser().ifPresent(user -> records.record(user, consent, clock.instant()));
    return consent;
  }

  private static Optional<UserId> signedInUser() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof UserPrincipal principal) {
      return Optional.of(principal.userId());
    }
    return Optional.empty();
  }
}
