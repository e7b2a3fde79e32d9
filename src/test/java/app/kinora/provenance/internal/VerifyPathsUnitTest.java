package app.kinora.provenance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.provenance.ProvenanceProperties;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerifyPathsUnitTest {

  private static ProvenanceProperties publicVerify(boolean open) {
    return new ProvenanceProperties(
        Path.of("credentials"), null, null, null, null, null, Duration.ofSeconds(1), true, open);
  }

  @Test
  void theCheckerIsOpenToVisitorsUnlessTheOperatorKeepsItForSignedInPeople() {
    assertThat(new VerifyPaths().verifyWebPaths(publicVerify(true)).publicPaths())
        .containsExactly("/verify");
    assertThat(new VerifyPaths().verifyWebPaths(publicVerify(false)).publicPaths())
        .isEmpty();
  }
}
