package app.kinora.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pictures and media may come from an object store's origin, and from nowhere else but Kinora. */
class ContentSecurityPolicyUnitTest {

  @Test
  void addsExtraMediaOriginsToImagesAndMediaOnly() {
    var policy = SecurityConfiguration.contentSecurityPolicy(
        List.of("https://videos.s3.eu-west-1.amazonaws.com"));

    assertThat(policy)
        .contains("img-src 'self' data: blob: https://videos.s3.eu-west-1.amazonaws.com;")
        .contains("media-src 'self' blob: https://videos.s3.eu-west-1.amazonaws.com;")
        .contains("script-src 'self';")
        .contains("connect-src 'self';")
        .contains("default-src 'self';");
  }

  @Test
  void withoutExtraOriginsOnlyKinoraItself() {
    assertThat(SecurityConfiguration.contentSecurityPolicy(List.of()))
        .contains("img-src 'self' data: blob:;")
        .contains("media-src 'self' blob:;")
        .doesNotContain("%");
  }
}
