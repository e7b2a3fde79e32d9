package app.kinora.safety;

import app.kinora.IntegrationTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The application with a moderation endpoint (a WireMock stub that tests make answer, flag or
 * stall), three strikes, low rate limits and a single worker: the settings safety and fair-use
 * tests need, in a context of their own.
 */
@TestPropertySource(
    properties = {
      "kinora.safety.moderation.timeout=300ms",
      "kinora.safety.moderation.name=Test moderation",
      "kinora.safety.moderation.country=Ireland",
      "kinora.safety.strikes=3",
      "kinora.safety.limits.per-account-per-minute=25",
      "kinora.safety.limits.per-api-key-per-minute=25",
      "kinora.safety.limits.sign-ups-per-address-per-hour=3",
      "kinora.jobs.threads=1"
    })
abstract class SafetyContextTest extends IntegrationTest {

  static final WireMockServer MODERATION =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    MODERATION.start();
  }

  /** Its own database and files: the shared context keeps its own running beside this one. */
  private static final java.nio.file.Path DATA_DIR =
      java.nio.file.Path.of("target", "test-data", "safety-" + java.util.UUID.randomUUID());

  @DynamicPropertySource
  static void moderation(DynamicPropertyRegistry registry) {
    registry.add("kinora.test.own-data-dir", DATA_DIR::toString);
    registry.add(
        "kinora.safety.moderation.base-url", () -> "http://127.0.0.1:" + MODERATION.port() + "/v1");
  }
}
