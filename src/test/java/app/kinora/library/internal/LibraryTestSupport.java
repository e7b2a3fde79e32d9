package app.kinora.library.internal;

import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** Signed-in users for MockMvc requests, and finished videos made through the public API. */
final class LibraryTestSupport {

  private LibraryTestSupport() {}

  /** Only what the library sees of a signed-in user; no account module type. */
  record TestUser(UserId userId) implements UserPrincipal {}

  /** Authenticates a MockMvc request as the user (with a CSRF token for posts). */
  static RequestPostProcessor as(UserId user) {
    var principal = new TestUser(user);
    var token = UsernamePasswordAuthenticationToken.authenticated(
        principal, null, List.of(new SimpleGrantedAuthority("ROLE_USER")));
    return request ->
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .csrf()
            .postProcessRequest(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.authentication(token)
                .postProcessRequest(request));
  }

  static UserId userOf(JdbcClient jdbc, String email) {
    return new UserId(jdbc.sql("select id from users where email = ?")
        .param(email)
        .query(java.util.UUID.class)
        .single());
  }

  /** Posts a generation and waits until it has completed; returns its video object. */
  static JsonNode generate(ApiClient api, Map<String, String> fields, Map<String, byte[]> files) {
    var reply = api.postMultipart("/v1/videos", fields, files);
    if (reply.status() != 200) {
      throw new AssertionError("generation refused: " + reply.json());
    }
    var id = reply.json().path("id").asString();
    return await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> api.get("/v1/videos/" + id).json(),
            json -> json.path("status").asString().equals("completed"));
  }

  static java.util.UUID uuidOf(JsonNode video) {
    return app.kinora.generation.GenerationId.fromApiId(video.path("id").asString())
        .value();
  }
}
