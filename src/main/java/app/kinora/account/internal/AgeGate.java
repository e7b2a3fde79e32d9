package app.kinora.account.internal;

import app.kinora.account.AccountProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The minimum age to open an account, per country (P13). Built in: the EU member states' ages
 * of digital consent (GDPR Art. 8); elsewhere the configured default (13, as COPPA and the UK).
 * Operators override any country with {@code kinora.account.minimum-ages.XX}.
 */
@Component
class AgeGate {

  private static final Map<String, Integer> EU_DIGITAL_CONSENT = euAges();

  private final Map<String, Integer> ages;
  private final int defaultAge;
  private final Clock clock;

  @Autowired
  AgeGate(AccountProperties properties) {
    this(properties, Clock.systemUTC());
  }

  AgeGate(AccountProperties properties, Clock clock) {
    var table = new HashMap<>(EU_DIGITAL_CONSENT);
    properties
        .minimumAges()
        .forEach((country, age) -> table.put(country.toUpperCase(Locale.ROOT), age));
    this.ages = Map.copyOf(table);
    this.defaultAge = properties.defaultMinimumAge();
    this.clock = clock;
  }

  int minimumAge(String country) {
    return ages.getOrDefault(country, defaultAge);
  }

  /** Whether a person born on that day may open an account in that country today. */
  boolean admits(LocalDate birthDate, String country) {
    return Period.between(birthDate, today()).getYears() >= minimumAge(country);
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  private static Map<String, Integer> euAges() {
    var table = new HashMap<String, Integer>();
    Set.of("BE", "DK", "EE", "FI", "LV", "MT", "PT", "SE").forEach(c -> table.put(c, 13));
    Set.of("AT", "BG", "CY", "IT", "LT", "ES").forEach(c -> table.put(c, 14));
    Set.of("CZ", "FR", "GR", "SI").forEach(c -> table.put(c, 15));
    Set.of("HR", "DE", "HU", "IE", "LU", "NL", "PL", "RO", "SK").forEach(c -> table.put(c, 16));
    return Map.copyOf(table);
  }
}
