package app.kinora.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.account.AccountProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgeGateUnitTest {

  static AccountProperties properties(int defaultAge, Map<String, Integer> overrides) {
    return new AccountProperties(
        true,
        10,
        defaultAge,
        overrides,
        null,
        Duration.ofHours(24),
        Duration.ofHours(1),
        Duration.ofDays(7),
        5,
        20,
        Duration.ofMinutes(15),
        Duration.ofDays(30),
        Duration.ofDays(365),
        new AccountProperties.ProofOfWork(true, 100_000, Duration.ofMinutes(20)));
  }

  final Clock today = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void knowsTheEuAgesOfDigitalConsentAndDefaultsElsewhere() {
    var gate = new AgeGate(properties(13, Map.of()), today);
    assertThat(gate.minimumAge("BE")).isEqualTo(13);
    assertThat(gate.minimumAge("ES")).isEqualTo(14);
    assertThat(gate.minimumAge("FR")).isEqualTo(15);
    assertThat(gate.minimumAge("DE")).isEqualTo(16);
    assertThat(gate.minimumAge("NL")).isEqualTo(16);
    assertThat(gate.minimumAge("US")).isEqualTo(13);
    assertThat(gate.minimumAge("GB")).isEqualTo(13);
  }

  @Test
  void operatorsOverrideCountriesAndTheDefault() {
    var gate = new AgeGate(properties(14, Map.of("fr", 16, "US", 18)), today);
    assertThat(gate.minimumAge("FR")).isEqualTo(16);
    assertThat(gate.minimumAge("US")).isEqualTo(18);
    assertThat(gate.minimumAge("JP")).isEqualTo(14);
    assertThat(gate.minimumAge("DE")).isEqualTo(16);
  }

  @Test
  void admitsFromTheBirthdayOn() {
    var gate = new AgeGate(properties(13, Map.of()), today);
    assertThat(gate.admits(LocalDate.parse("2010-11-29"), "DE")).isTrue();
    assertThat(gate.admits(LocalDate.parse("2010-11-30"), "DE")).isFalse();
    assertThat(gate.admits(LocalDate.parse("2013-11-29"), "US")).isTrue();
    assertThat(gate.admits(LocalDate.parse("2013-11-30"), "US")).isFalse();
  }
}
