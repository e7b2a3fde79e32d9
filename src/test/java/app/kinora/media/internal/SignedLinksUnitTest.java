package app.kinora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signed media links: the scheme links have always used, their expiry, and what they cover. */
class SignedLinksUnitTest {

  private static final byte[] SECRET = new byte[32];
  private static final UserId OWNER =
      new UserId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
  private static final UUID SUBJECT = UUID.fromString("00000000-0000-0000-0000-000000000002");
  private static final Instant MADE = Instant.ofEpochSecond(1_764_460_200);

  static {
    for (int i = 0; i < SECRET.length; i++) {
      SECRET[i] = (byte) i;
    }
  }

  private final SignedLinks links = at(MADE);

  @Test
  void signsAsLinksAlwaysWereSignedSoOldLinksStillWork() {
    // HMAC-SHA256 of "<owner>|<subject>|video|1764460800" with the bytes 0..31, computed outside
    // Java
    assertThat(links.link(OWNER, SUBJECT, "video"))
        .isEqualTo(
            "/media/00000000-0000-0000-0000-000000000002/video?expires=1764460800&signature=LMmwndYIkD5x7ZNWhaQFZ5iUimw8LIbk6pKKcDel1Eo");
    assertThat(links.verify(
            OWNER, SUBJECT, "video", 1_764_460_800, "LMmwndYIkD5x7ZNWhaQFZ5iUimw8LIbk6pKKcDel1Eo"))
        .isTrue();
  }

  @Test
  void aLinkWorksUntilItExpiresAndOnlyForItsOwnerSubjectAndVariant() {
    long expires = MADE.plus(Duration.ofMinutes(10)).getEpochSecond();
    var signature = signatureOf(links.link(OWNER, SUBJECT, "download"));

    assertThat(at(MADE.plusSeconds(600)).verify(OWNER, SUBJECT, "download", expires, signature))
        .isTrue();
    assertThat(at(MADE.plusSeconds(601)).verify(OWNER, SUBJECT, "download", expires, signature))
        .as("expired")
        .isFalse();
    assertThat(links.verify(OWNER, SUBJECT, "download", expires + 1, signature))
        .as("expiry moved")
        .isFalse();
    assertThat(links.verify(OWNER, SUBJECT, "video", expires, signature))
        .as("other variant")
        .isFalse();
    assertThat(links.verify(OWNER, UUID.randomUUID(), "download", expires, signature))
        .as("other subject")
        .isFalse();
    assertThat(links.verify(UserId.random(), SUBJECT, "download", expires, signature))
        .as("other owner")
        .isFalse();
    assertThat(links.verify(OWNER, SUBJECT, "download", expires, null))
        .as("unsigned")
        .isFalse();
    assertThat(new SignedLinks(
                () -> new byte[32], Duration.ofMinutes(10), Clock.fixed(MADE, ZoneOffset.UTC))
            .verify(OWNER, SUBJECT, "download", expires, signature))
        .as("another secret")
        .isFalse();
  }

  @Test
  void aVariantIsAPathSegmentOfLowercaseWords() {
    for (var bad : new String[] {"", "Video", "video/../x", "video?x=1", "-video", "video-"}) {
      assertThatThrownBy(() -> links.link(OWNER, SUBJECT, bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(links.link(OWNER, SUBJECT, "upload-download"))
        .startsWith("/media/" + SUBJECT + "/upload-download?");
  }

  private static SignedLinks at(Instant now) {
    return new SignedLinks(() -> SECRET, Duration.ofMinutes(10), Clock.fixed(now, ZoneOffset.UTC));
  }

  private static String signatureOf(String link) {
    return link.substring(link.indexOf("signature=") + "signature=".length());
  }
}
