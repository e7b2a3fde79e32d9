package app.kinora.provenance.internal;

import app.kinora.provenance.ContentCredentials;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/contentCredentials}, for operators: who signs the videos, and whether
 * verifiers elsewhere will trust that signature. Self-signed credentials keep Kinora UP (the
 * videos are still signed); the detail says what it means.
 */
@Component("contentCredentials")
class CredentialsHealth implements HealthIndicator {

  private final ContentCredentials credentials;

  CredentialsHealth(ContentCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public Health health() {
    var identity = credentials.identity();
    return Health.up()
        .withDetail("signer", identity.subject())
        .withDetail(
            "certificate",
            identity.selfSigned()
                ? "self-signed: verifiers will show them as untrusted (configure"
                    + " kinora.provenance.keystore, see docs/provenance.md)"
                : "from the configured keystore")
        .build();
  }
}
