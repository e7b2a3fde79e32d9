package app.kinora.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.account.AccountProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Links are built on the configured public URL, else on this node's own address — never on a request's host. */
class PublicUrlUnitTest {

  static AccountProperties withPublicUrl(String url) {
    return new AccountProperties(
        true,
        10,
        13,
        Map.of(),
        url,
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

  @AfterEach
  void noRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  static void servingRequestTo(String host, String forwardedHost) {
    var request = new MockHttpServletRequest("POST", "/password-reset");
    request.setServerName(forwardedHost);
    request.addHeader("Host", host);
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
  }

  @Test
  void theConfiguredAddressIsUsedWhateverHostTheRequestNamed() {
    servingRequestTo("evil.example", "evil.example");
    var links =
        new PublicUrl(withPublicUrl("https://kinora.example/"), 8080, "", false, Clock.systemUTC());

    assertThat(links.link("/password-reset/abc"))
        .isEqualTo("https://kinora.example/password-reset/abc");
  }

  @Test
  void withoutOneLinksPointAtTheAddressKinoraWasStartedOn() {
    servingRequestTo("evil.example:8080", "evil.example");

    assertThat(
            new PublicUrl(withPublicUrl(null), 8080, "", false, Clock.systemUTC()).link("/login"))
        .isEqualTo("http://localhost:8080/login");
    assertThat(new PublicUrl(withPublicUrl(" "), 8443, "10.0.0.5", true, Clock.systemUTC())
            .link("/login"))
        .isEqualTo("https://10.0.0.5:8443/login");
    assertThat(new PublicUrl(withPublicUrl(null), 9000, "::1", false, Clock.systemUTC())
            .link("/login"))
        .isEqualTo("http://[::1]:9000/login");
  }

  @Test
  void aPublicUrlMustBeAnAbsoluteWebAddress() {
    for (var wrong : new String[] {
      "kinora.example",
      "/relative",
      "ftp://kinora.example",
      "https://kinora.example/?x=1",
      "javascript:alert(1)",
      "https://"
    }) {
      assertThatThrownBy(() -> withPublicUrl(wrong))
          .as(wrong)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("kinora.account.public-url");
    }
    assertThat(withPublicUrl("https://kinora.example/app//").publicUrl())
        .isEqualTo("https://kinora.example/app");
  }

  @Test
  void loopbackNamesAreThisMachine() {
    assertThat(PublicUrl.isLoopback("localhost")).isTrue();
    assertThat(PublicUrl.isLoopback("127.0.0.1")).isTrue();
    assertThat(PublicUrl.isLoopback("[::1]")).isTrue();
    assertThat(PublicUrl.isLoopback("evil.example")).isFalse();
    assertThat(PublicUrl.isLoopback("127.0.0.1.evil.example")).isFalse();
  }
}
