package app.kinora.account.internal;

import java.time.LocalDate;

/**
 * What a person types to open an account. The birth date is used for the age gate and then
 * dropped: it is never stored.
 */
record SignUpApplication(
    String email,
    String displayName,
    String password,
    LocalDate birthDate,
    String country,
    boolean acceptsTerms) {}
