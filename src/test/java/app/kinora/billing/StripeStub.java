package app.kinora.billing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A local stand-in for Stripe's API (api.stripe.com), shared by the integration tests' one
 * application context; tests stub the calls they expect.
 */
public final class StripeStub {

  public static final String SECRET_KEY = "sk_test_kinora_stub";
  public static final String WEBHOOK_SECRET = "whsec_kinora_test_secret";

  private static WireMockServer server;

  private StripeStub() {}

  public static synchronized WireMockServer server() {
    if (server == null) {
      server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  public static String baseUrl() {
    return server().baseUrl();
  }
}
