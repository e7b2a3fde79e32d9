package app.kinora.provenance.internal;

import app.kinora.provenance.ProvenanceProperties;
import app.kinora.shared.WebPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /verify} is open to visitors unless the operator keeps it for signed-in people. */
@Configuration
class VerifyPaths {

  @Bean
  WebPaths verifyWebPaths(ProvenanceProperties properties) {
    return new WebPaths(properties.publicVerify() ? List.of("/verify") : List.of(), List.of());
  }
}
