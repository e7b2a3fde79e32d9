package app.kinora.api;

import app.kinora.generation.Attachment;
import app.kinora.generation.ReferenceRole;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The reference files of a multipart create request, by role: {@code input_reference},
 * {@code last_frame}, {@code audio}, {@code video}, and repeated {@code reference_images[]}
 * (OpenAI's SDKs add the brackets; plain {@code reference_images} is taken too). A role's field
 * sent as text instead of a file is refused.
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
        parts.stream()
            .filter(ApiFiles::sent)
            .forEach(file -> files.add(new Attachment(role, file::getInputStream)));
      }
    }
    for (var role : ReferenceRole.values()) {
      if (request.getParameter(role.param()) != null
          || request.getParameter(role.param() + "[]") != null) {
        throw new ApiProblem(
            HttpStatus.BAD_REQUEST,
            "invalid_file",
            role.param(),
            role.param()
                + " must be sent as a file (a multipart part with a file name), not as text.");
      }
    }
    return new Attachment.Files(files, keepOriginals);
  }

  /**
   * A part with a file name is a file sent, even an empty one, which media then refuses as such; a
   * part without name or bytes is a form's file field left empty.
   */
  private static boolean sent(MultipartFile file) {
    return !file.isEmpty()
        || (file.getOriginalFilename() != null && !file.getOriginalFilename().isEmpty());
  }
}
