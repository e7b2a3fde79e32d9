package app.kinora.privacy;

/**
 * A visitor's choice about what Kinora may store in their browser and about them beyond what the
 * service needs. Necessary storage (the session, this choice itself) needs no consent.
 *
 * @param version the consent text's version the choice was made under
 * @param preferences remember preferences such as the last model and size used
 * @param analytics count page views and the generation funnel (first-party, without IP)
 * @param globalPrivacyControl the browser sent {@code Sec-GPC: 1}: analytics are off, whatever
 *     was chosen
 * @param chosen whether the visitor has made a choice at all (else the banner asks)
 */
public record Consent(
    int version,
    boolean preferences,
    boolean analytics,
    boolean globalPrivacyControl,
    boolean chosen) {

  /** Nothing beyond the necessary, and the question still open. */
  public static Consent undecided(int version, boolean globalPrivacyControl) {
    return new Consent(version, false, false, globalPrivacyControl, false);
  }

  /** Whether analytics may be recorded now: chosen, and not overridden by Global Privacy Control. */
  public boolean allowsAnalytics() {
    return chosen && analytics && !globalPrivacyControl;
  }
}
