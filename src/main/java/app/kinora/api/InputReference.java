package app.kinora.api;

import app.kinora.generation.Attachment;
import app.kinora.generation.ReferenceRole;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * OpenAI's {@code input_reference} object: exactly one of {@code image_url} (here a {@code data:}
 * URL of an image, base64-encoded) or {@code file_id}. A value Kinora cannot use is refused with
 * 400, never ignored: the video would otherwise be made, and charged, without its reference.
 */
record InputReference(
    @JsonProperty("image_url") String imageUrl,
    @JsonProperty("file_id") String fileId) {

  private static final String PARAM = "input_reference";
  private static final Pattern DATA_URL =
      Pattern.compile("data:(image/[a-z0-9.+-]+)(;[a-z0-9=.+-]+)*;base64,(.*)", Pattern.DOTALL);

  /** The referenced picture as a first frame, sent on to media like an uploaded file. */
  Attachment attachment() {
    if ((imageUrl == null) == (fileId == null)) {
      throw refused("Give input_reference exactly one of image_url or file_id.");
    }
    if (fileId != null) {
      throw refused(
          "input_reference.file_id is not supported: Kinora has no files endpoint. Send the picture as an image_url data: URL, or as the multipart file input_reference.");
    }
    var url = imageUrl.strip();
    var lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      throw refused(
          "input_reference.image_url must be a data: URL (data:image/png;base64,…); this server does not fetch pictures from addresses.");
    }
    var matched = DATA_URL.matcher(url);
    if (!matched.matches()) {
      throw refused(
          "input_reference.image_url must be a base64 data: URL of an image, such as data:image/png;base64,….");
    }
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(matched.group(3));
    } catch (IllegalArgumentException e) {
      throw refused("The base64 data of input_reference.image_url could not be decoded.");
    }
    if (bytes.length == 0) {
      throw refused("input_reference.image_url holds no picture.");
    }
    return new Attachment(ReferenceRole.FIRST_FRAME, () -> new ByteArrayInputStream(bytes));
  }

  private static ApiProblem refused(String message) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_input_reference", PARAM, message);
  }
}
