package app.kinora.provenance;

import java.util.HexFormat;

/**
 * A file a video was made from, as its manifest names it: what it was used as, its type and the
 * SHA-256 of its bytes — never its content, its name or who sent it.
 *
 * @param role what the file was used as
 * @param mediaType e.g. {@code image/png}
 * @param sha256 64 lowercase hexadecimal digits
 */
public record InputMedia(Role role, String mediaType, String sha256) {

  public InputMedia {
    if (role == null || mediaType == null || sha256 == null || sha256.length() != 64) {
      throw new IllegalArgumentException("an input needs a role, a type and a SHA-256");
    }
    HexFormat.of().parseHex(sha256);
  }

  /** What an input was used as. */
  public enum Role {
    FIRST_FRAME("first frame"),
    LAST_FRAME("last frame"),
    REFERENCE_IMAGE("reference image"),
    SOUNDTRACK("soundtrack"),
    /** The clip a remix restyles or an extension continues: the video's parent. */
    SOURCE_VIDEO("source video");

    private final String title;

    Role(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }
}
