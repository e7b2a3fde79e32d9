package app.kinora.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SetupCheckUnitTest {

  @Test
  void httpsAndLoopbackAddressesAreSecureContexts() {
    assertThat(SetupCheck.secureContext("https://kinora.example")).isTrue();
    assertThat(SetupCheck.secureContext("HTTPS://Kinora.Example/studio")).isTrue();
    assertThat(SetupCheck.secureContext("http://localhost:8080")).isTrue();
    assertThat(SetupCheck.secureContext("http://kinora.localhost")).isTrue();
    assertThat(SetupCheck.secureContext("http://127.0.0.1:8080")).isTrue();
    assertThat(SetupCheck.secureContext("http://[::1]:8080")).isTrue();
    assertThat(SetupCheck.secureContext(null))
        .as("unset: the node's own localhost")
        .isTrue();
  }

  @Test
  void plainHttpElsewhereIsNot() {
    assertThat(SetupCheck.secureContext("http://kinora.example")).isFalse();
    assertThat(SetupCheck.secureContext("http://192.168.1.20:8080")).isFalse();
    assertThat(SetupCheck.secureContext("http://localhost.example.com")).isFalse();
  }
}
