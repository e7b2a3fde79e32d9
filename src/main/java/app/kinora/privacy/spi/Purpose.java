package app.kinora.privacy.spi;

/** Why Kinora keeps a piece of personal data: the uses its privacy policy names (P6). */
public enum Purpose {
  /** Signing in and keeping the account safe. */
  AUTHENTICATION,
  /** Counting and charging credits, payments. */
  CREDIT_ACCOUNTING,
  /** Making the videos the user asks for. */
  RENDERING,
  /** Keeping and delivering the user's library. */
  DELIVERY,
  /** Keeping the service working and improving it; off for content of users who object. */
  QUALITY_AND_SAFETY,
  /** Preventing fraud, abuse and attacks. */
  SECURITY,
  /** Writing to the user about their account. */
  COMMUNICATIONS,
  /** Meeting legal duties (consent records, tax, disputes). */
  LEGAL
}
