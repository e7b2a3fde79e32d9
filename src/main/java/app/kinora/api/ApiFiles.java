package app.kinora.api;

import app.kinora.generation.Attachment;
import app.kinora.generation.ReferenceRole;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The reference files of a multipart create request, by role: {@code input_reference},
 * {@code last_frame}, {@code audio}, {@code video}, and repeated {@code reference_images[]}
 * (OpenAI's SDKs add the brackets; plain {@code reference_images} is taken too).
 */
final class ApiFiles {

  private ApiFiles() {}

  static Attachment.Files of(HttpServletRequest request, boolean keepOriginals) {
    var files = new ArrayList<Attachment>();
    // the request may be wrapped (by Spring Security, say) around the multipart one
    var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart != null) {
      for (var role : ReferenceRole.values()) {
        var parts = new ArrayList<>(multipart.getFiles(role.param()));
        if (role == ReferenceRole.REFERENCE_IMAGE) {
          parts.addAll(multipart.getFiles(role.param() + "[]"));
        }
        parts.stream().filter(file -> !file.isEmpty())
            .forEach(file -> files.add(new Attachment(role, file::getInputStream)));
      }
    }
    return new Attachment.Files(files, keepOriginals);
  }
}
