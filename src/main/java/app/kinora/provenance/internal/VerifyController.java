package app.kinora.provenance.internal;

import app.kinora.media.FilesAsSent;
import app.kinora.media.MediaKind;
import app.kinora.media.MediaRejected;
import app.kinora.provenance.ContentCredentials;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /verify}: anyone (or, by the operator's choice, anyone signed in) uploads a video or a
 * picture and sees its Content Credentials explained. The file goes through media's intake (size
 * cap, type by content), is read as sent, and deleted.
 */
@Controller
class VerifyController {

  private static final Set<String> READABLE =
      Set.of("video/mp4", "video/quicktime", "image/jpeg", "image/png");

  private final ContentCredentials credentials;
  private final FilesAsSent files;

  VerifyController(ContentCredentials credentials, FilesAsSent files) {
    this.credentials = credentials;
    this.files = files;
  }

  @GetMapping("/verify")
  String form() {
    return "provenance/verify";
  }

  @PostMapping("/verify")
  String check(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model view,
      HttpServletResponse response)
      throws IOException {
    if (file == null || file.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      view.addAttribute("error", "Choose a video or a picture to check.");
      return "provenance/verify";
    }
    try (var sent = files.take(file.getInputStream())) {
      if (!READABLE.contains(sent.contentType())) {
        view.addAttribute(
            "notice",
            "Kinora reads Content Credentials in MP4 and MOV videos and in JPEG and PNG pictures;"
                + " this file is " + sent.contentType() + ".");
        return "provenance/verify";
      }
      if (sent.kind() == MediaKind.IMAGE) {
        view.addAttribute(
            "notice",
            "Kinora's own posters and preview frames carry no credentials: they are pictures"
                + " taken from a signed video. Check the video itself.");
      }
      view.addAttribute("verdict", Verdict.of(credentials.read(sent.file())));
      return "provenance/verify";
    } catch (MediaRejected e) {
      response.setStatus(
          switch (e.reason()) {
            case TOO_LARGE -> HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
            default -> HttpServletResponse.SC_BAD_REQUEST;
          });
      view.addAttribute("error", e.getMessage());
      return "provenance/verify";
    }
  }
}
