package app.kinora.provider;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Platforms reach the webhook endpoint without a session or CSRF token; only verifiers answer. */
class WebhookEndpointIntegrationTest extends IntegrationTest {

  @Test
  void answersNotFoundForAPlatformWithoutWebhooksRatherThanAskingToSignIn() throws Exception {
    var client = HttpClient.newHttpClient();
    var request = HttpRequest.newBuilder(
            URI.create(baseUrl() + "/providers/webhooks/openai-gateway"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"video_1\"}"))
        .build();
    var unknown = HttpRequest.newBuilder(URI.create(baseUrl() + "/providers/webhooks/nobody"))
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build();

    assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(404);
    assertThat(client.send(unknown, HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void refusesAnOversizedBody() throws Exception {
    var huge = HttpRequest.newBuilder(URI.create(baseUrl() + "/providers/webhooks/openai-gateway"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(
            new byte[ProviderWebhookController.MAX_BODY + 10]))
        .build();

    assertThat(HttpClient.newHttpClient()
            .send(huge, HttpResponse.BodyHandlers.discarding())
            .statusCode())
        .isEqualTo(413);
  }
}
