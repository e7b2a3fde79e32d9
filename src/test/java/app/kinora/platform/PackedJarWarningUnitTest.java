package app.kinora.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class PackedJarWarningUnitTest {

  @Test
  void theTestClassPathIsNotThePackedJar() {
    assertThat(PackedJarWarning.fromPackedJar(PackedJarWarning.class.getClassLoader()))
        .isFalse();
    assertThat(PackedJarWarning.fromPackedJar(new URLClassLoader(new URL[0]))).isFalse();
  }

  @Test
  void aLoaderFromSpringBootsLauncherIsThePackedJar() throws Exception {
    try (var loader = new org.springframework.boot.loader.launch.StandInLaunchedClassLoader()) {
      assertThat(PackedJarWarning.fromPackedJar(loader)).isTrue();
    }
  }
}
