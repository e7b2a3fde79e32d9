package app.kinora;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.media.MediaProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Everything Kinora writes lands under the one configured data directory. */
class DataDirectoryIntegrationTest extends IntegrationTest {

  @Autowired
  MediaProperties media;

  @Value("${kinora.data-dir}")
  Path dataDir;

  @Test
  void storesMediaAndScratchFilesUnderTheDataDirectory() {
    assertThat(media.storageDir()).isEqualTo(dataDir.resolve("media"));
    assertThat(media.workDir()).isEqualTo(dataDir.resolve("work"));
  }
}
