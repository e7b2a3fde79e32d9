package app.kinora;

import app.kinora.billing.StripeStub;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application on a random port, against the same embedded
 * PostgreSQL that production uses, with its files in a fresh data directory. All subclasses share
 * one application context (and so one database) per test run.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "kinora.bootstrap.admin-email=" + IntegrationTest.ADMIN_EMAIL,
      "kinora.bootstrap.admin-password=" + IntegrationTest.ADMIN_PASSWORD,
      "kinora.bootstrap.admin-api-key=" + IntegrationTest.ADMIN_API_KEY,
      "kinora.privacy.operator.name=" + IntegrationTest.OPERATOR_NAME,
      "kinora.privacy.operator.contact-email=privacy@operator.test",
      "kinora.privacy.operator.address=1 Example Street, 1000 Brussels",
      "kinora.privacy.operator.country=Belgium",
      "kinora.privacy.subprocessors[0].name=Example Hosting",
      "kinora.privacy.subprocessors[0].purpose=Servers and storage",
      "kinora.privacy.subprocessors[0].country=Germany",
      "logging.level.app.kinora=info",
      "kinora.billing.stripe.secret-key=" + StripeStub.SECRET_KEY,
      "kinora.billing.stripe.webhook-secret=" + StripeStub.WEBHOOK_SECRET,
      // provider: a second model, an alias on an OpenAI-shaped gateway at GATEWAY_PORT (unreachable
      // unless a test stubs it)
      "kinora.provider.openai-gateway.name=Test gateway",
      "kinora.provider.models.gateway-sora.routes[0]=openai-gateway:sora-2",
      "kinora.provider.models.gateway-sora.routes[1]=openai-gateway:sora-2-pro",
      // a model declared only here, on the gateway (it is none of the adapter's own), and an alias
      // whose first route names a model the gateway does not offer: the second route serves it
      "kinora.provider.openai-gateway.models[0].id=cinema-1",
      "kinora.provider.openai-gateway.models[0].name=Cinema One",
      "kinora.provider.openai-gateway.models[0].durations=4,8",
      "kinora.provider.openai-gateway.models[0].sizes=1280x720,720x1280",
      "kinora.provider.openai-gateway.models[0].price-per-second=0.05",
      "kinora.provider.models.gateway-cinema.routes[0]=openai-gateway:sora-1",
      "kinora.provider.models.gateway-cinema.routes[1]=openai-gateway:cinema-1",
      // and Veo in the Gemini API's shape at VEO_PORT (a model that takes a negative prompt). The
      // Gemini API itself lists no Veo model since Google shut them down (2026-10-22): the tests
      // declare the one their stub speaks for, as an operator would for a service of that shape
      "kinora.provider.gemini.api-key=gm-test-key",
      "kinora.provider.gemini.name=Test Veo",
      "kinora.provider.gemini.models[0].id=veo-3.1-fast-generate-preview",
      "kinora.provider.gemini.models[0].name=Veo 3.1 Fast",
      "kinora.provider.gemini.models[0].description=Google's Veo 3.1 Fast, Gemini API.",
      "kinora.provider.gemini.models[0].durations=4,6,8",
      "kinora.provider.gemini.models[0].sizes=1280x720,720x1280,1920x1080,1080x1920",
      "kinora.provider.gemini.models[0].capabilities=first-frame,last-frame,negative-prompt",
      "kinora.provider.gemini.models[0].reference-images=3",
      "kinora.provider.gemini.models[0].price-per-second=0.15",
      "kinora.provider.models.test-veo.routes[0]=gemini:veo-3.1-fast-generate-preview",
      "kinora.provider.retry-wait=50ms",
      "kinora.provider.poll-initial=50ms",
      "kinora.provider.circuit-open-for=100ms",
      // API clients poll running videos at the pace Kinora asks for
      "kinora.api.poll-after=250ms",
      // webhook receivers of the tests listen on loopback; retries come quickly
      "kinora.api.webhooks.allowed-hosts=127.0.0.1",
      "kinora.api.webhooks.retry-delays=100ms,100ms,100ms,100ms,100ms,100ms,100ms",
      "kinora.api.webhooks.timeout=3s",
      // every test request comes from the loopback address, many from one account: limits are
      // tested where a test sets them (SafetyContextTest)
      "kinora.safety.limits.per-account-per-minute=1000000",
      "kinora.safety.limits.per-account-per-day=1000000",
      "kinora.safety.limits.per-api-key-per-minute=1000000",
      "kinora.safety.limits.per-address-per-minute=1000000",
      "kinora.safety.limits.sign-ups-per-address-per-hour=1000000"
    })
public abstract class IntegrationTest {

  /** With markup in it, to show that configuration reaches pages as text. */
  public static final String OPERATOR_NAME = "Example Video <Co> | Ltd";

  public static final String ADMIN_EMAIL = "operator@kinora.test";
  public static final String ADMIN_PASSWORD = "operator passphrase 42";
  public static final String ADMIN_API_KEY = "kn_bootstrap_key_for_tests_0123456789";

  /** A free port for a stub of the test gateway; nothing listens there unless a test starts one. */
  public static final int GATEWAY_PORT = freePort();

  /** A free port for a stub of the Gemini API; nothing listens there unless a test starts one. */
  public static final int VEO_PORT = freePort();

  private static final Path DATA_DIR =
      Path.of("target", "test-data", UUID.randomUUID().toString());

  @Value("${local.server.port}")
  protected int port;

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    // a subclass that runs a context of its own names its own directory in kinora.test.own-data-dir
    // (this method registers after a subclass's, so its value would win over theirs)
    registry.add("kinora.data-dir", () -> "${kinora.test.own-data-dir:" + DATA_DIR + "}");
    TestServers.register(registry);
    registry.add("kinora.billing.stripe.api-base", StripeStub::baseUrl);
    registry.add(
        "kinora.provider.openai-gateway.base-url",
        () -> "http://127.0.0.1:" + GATEWAY_PORT + "/v1");
    registry.add(
        "kinora.provider.gemini.base-url", () -> "http://127.0.0.1:" + VEO_PORT + "/v1beta");
  }

  private static int freePort() {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }
}
