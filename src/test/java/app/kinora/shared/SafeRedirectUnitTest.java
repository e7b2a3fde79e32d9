package app.kinora.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeRedirectUnitTest {

  @ParameterizedTest
  @ValueSource(strings = {"/", "/library?tab=uploads", "/privacy/cookies"})
  void aPathOnThisSiteIsFollowed(String path) {
    assertThat(SafeRedirect.to(path, "/fallback")).isEqualTo("redirect:" + path);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "/library\r\nSet-Cookie: x=1",
        "/a\nb",
        "library"
      })
  void anythingElseGoesToTheFallback(String path) {
    assertThat(SafeRedirect.to(path, "/fallback")).isEqualTo("redirect:/fallback");
  }
}
