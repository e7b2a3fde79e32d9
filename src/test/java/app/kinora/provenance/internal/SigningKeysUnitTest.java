package app.kinora.provenance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provenance.C2paTs;
import app.kinora.provenance.ManifestDraft;
import app.kinora.provenance.ProvenanceProperties;
import app.kinora.provenance.SourceType;
import app.kinora.provenance.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysUnitTest {

  @TempDir
  Path directory;

  private ProvenanceProperties properties(Path keystore, String password, String alias) {
    return new ProvenanceProperties(
        directory.resolve("credentials"),
        keystore,
        password,
        alias,
        null,
        null,
        Duration.ofSeconds(10),
        true,
        true);
  }

  @Test
  void theSelfMadePairIsMadeOnceAndKeptForTheOwnerOnly() throws Exception {
    var first = SigningKeys.load(properties(null, null, null), "Acme Video");
    var again = SigningKeys.load(properties(null, null, null), "Someone else");

    assertThat(again.certificate()).isEqualTo(first.certificate());
    assertThat(first.selfMade()).isTrue();
    assertThat(first.chain()).hasSize(2);
    assertThat(first.certificate().getSubjectX500Principal().getName()).contains("O=Acme Video");
    assertThat(Files.getPosixFilePermissions(directory.resolve("credentials/signing.pem")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void aConfiguredKeystoreSignsAndIsNotSelfMade() throws Exception {
    var made = SelfMadeCertificates.make("Example CA customer");
    var store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "c2pa", made.key(), "secret".toCharArray(), made.chain().toArray(Certificate[]::new));
    var file = directory.resolve("kinora-c2pa.p12");
    try (var out = Files.newOutputStream(file)) {
      store.store(out, "secret".toCharArray());
    }

    var loaded = SigningKeys.load(properties(file, "secret", null), "ignored");
    var credentials = new KinoraContentCredentials(
        loaded, List.of(), new Timestamps(null, Duration.ZERO), "1", List.of());
    var video = TestVideos.mp4(directory.resolve("video.mp4"));
    credentials.sign(
        video,
        new ManifestDraft(
            SourceType.ALGORITHMIC_MEDIA, "kinora-local", null, List.of(), Instant.now()));

    assertThat(loaded.selfMade()).isFalse();
    assertThat(credentials.identity().selfSigned()).isFalse();
    assertThat(C2paTs.check(video).valid()).isTrue();
    assertThatThrownBy(() -> SigningKeys.load(properties(file, "wrong", null), "ignored"))
        .hasMessageContaining("kinora.provenance.keystore could not be opened");
  }
}
