package app.kinora.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;

/** Assertions on OpenAI-shaped API errors. */
public final class ApiAssertions {

  private ApiAssertions() {}

  public static void assertError(ApiClient.Reply reply, int status, String code, String param) {
    assertThat(reply.status()).isEqualTo(status);
    var error = reply.json().path("error");
    assertThat(error.path("code").asString()).isEqualTo(code);
    assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
    assertThat(error.path("message").asString()).isNotBlank();
    if (param == null) {
      assertThat(error.path("param").isNull()).isTrue();
    } else {
      assertThat(error.path("param").asString()).isEqualTo(param);
    }
  }
}
