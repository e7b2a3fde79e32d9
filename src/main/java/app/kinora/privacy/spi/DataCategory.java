package app.kinora.privacy.spi;

/** The kinds of personal data the privacy policy lists. */
public enum DataCategory {
  /** Email, display name, credentials, linked sign-in identities. */
  ACCOUNT,
  /** Credit ledger, payment metadata. */
  BILLING,
  /** Prompts, parameters, uploads, outputs. */
  CONTENT,
  /** IP address, device and browser, language, referrer, error logs. */
  DEVICE_AND_LOG,
  /** Consent choices and policy acknowledgements. */
  CHOICES
}
