package app.kinora.privacy;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Carries out a verified privacy request with the machinery of self-service: a data export for
 * access and portability, the account's closure (grace period included) for deletion, the
 * objection switches for objection, and an immediate erasure for an account reported to belong to
 * a child (P13). Corrections are made by hand on the account's pages.
 */
@Component
class RequestFulfilment {

  private final DataExports exports;
  private final AccountClosures closures;
  private final PrivacySettings settings;

  RequestFulfilment(DataExports exports, AccountClosures closures, PrivacySettings settings) {
    this.exports = exports;
    this.closures = closures;
    this.settings = settings;
  }

  /**
   * Does what the request asks for its account, and returns what was done, as the requester is
   * told it.
   */
  String carryOut(PrivacyRequest request) {
    return switch (request.kind()) {
      case ACCESS, PORTABILITY -> {
        exports.request(request.user());
        yield "Data export prepared; the requester downloads it from their account.";
      }
      case DELETION -> {
        var eraseAfter = closures.schedule(request.user());
        yield "Account closure scheduled: erased on "
            + DateTimeFormatter.ISO_LOCAL_DATE.format(eraseAfter.atZone(ZoneOffset.UTC))
            + " unless the owner signs in again before.";
      }
      case OBJECTION -> {
        settings.save(request.user(), new PrivacySettings.Settings(false, false));
        yield "Their content is no longer used for quality and safety, and no "
            + "marketing email goes to them; analytics is chosen in each browser and is off without consent.";
      }
      case UNDER_AGE -> {
        closures.erase(request.user());
        yield "Account erased: reported under the minimum age.";
      }
      case CORRECTION ->
        throw new IllegalStateException(
            "Corrections are made by hand: change it on the account's pages, then close the request with what was changed.");
    };
  }
}
