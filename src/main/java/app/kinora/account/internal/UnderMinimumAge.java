package app.kinora.account.internal;

/** A sign-up refused by the age gate. Carries nothing about the person. */
class UnderMinimumAge extends RuntimeException {

  UnderMinimumAge() {
    super("under the minimum age", null, false, false);
  }
}
