package app.kinora.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A visitor who is not signed in: a page that exists for members sends them to sign in, a page
 * that does not exist is not found (not a sign-in page that would suggest it exists).
 */
class UnknownPageIntegrationTest extends IntegrationTest {

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Accept", "text/html")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anUnknownPageIsNotFoundForAVisitorAndAMembersPageAsksToSignIn() throws Exception {
    var unknown = get("/no-such-page");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("<html").doesNotContain("name=\"password\"");

    var members = get("/library");
    assertThat(members.statusCode()).isEqualTo(302);
    assertThat(members.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));

    assertThat(get("/library/not-a-video-id").statusCode())
        .as("a member's page pattern asks to sign in whatever the id")
        .isEqualTo(302);
  }
}
