package app.kinora.generation.internal;

import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationReferences;
import app.kinora.generation.InvalidGenerationRequest;
import app.kinora.generation.ReferenceRole;
import app.kinora.generation.SpecFields;
import app.kinora.media.UploadId;
import app.kinora.shared.VideoSpec;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.UUID;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The studio's form as the browser posts it, mapped onto a spec and its files. Each checkbox
 * follows a hidden input of the same name with value {@code off}, so an unticked box arrives as
 * {@code off} and a ticked one as {@code off,on}. Pictures, sound and clips from the library
 * arrive as upload ids ({@code first_frame_upload}, …); files sent now as multipart parts named
 * like the API's fields.
 */
record StudioForm(
    String model,
    String prompt,
    String seconds,
    String size,
    String seed,
    String fps,
    String sound,
    String caption,
    String negativePrompt,
    String promptInCredentials) {

  VideoSpec<GenerationReferences> spec(HttpServletRequest request) {
    return VideoSpec.<GenerationReferences>builder()
        .model(model)
        .prompt(prompt)
        .negativePrompt(negativePrompt)
        .duration(SpecFields.seconds(seconds))
        .size(SpecFields.size(size))
        .framesPerSecond(SpecFields.framesPerSecond(fps))
        .seed(SpecFields.seed(seed))
        .generateAudio(ticked(sound))
        .caption(ticked(caption))
        .promptInCredentials("on".equals(promptInCredentials))
        .references(new GenerationReferences(
            upload(request, "first_frame_upload", ReferenceRole.FIRST_FRAME),
            null,
            upload(request, "audio_upload", ReferenceRole.AUDIO),
            upload(request, "video_upload", ReferenceRole.VIDEO)))
        .build();
  }

  /** The files sent with the form, each under its role's field name. */
  static Attachment.Files files(HttpServletRequest request) {
    var files = new ArrayList<Attachment>();
    // the request may be wrapped (by Spring Security, say) around the multipart one
    var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart != null) {
      for (var role : ReferenceRole.values()) {
        for (var file : multipart.getFiles(role.param())) {
          // an empty part with a file name was sent (media refuses it); without one, the field was
          // left empty
          if (file != null
              && (!file.isEmpty()
                  || (file.getOriginalFilename() != null
                      && !file.getOriginalFilename().isEmpty()))) {
            files.add(new Attachment(role, file::getInputStream));
          }
        }
      }
    }
    return new Attachment.Files(files, "true".equals(request.getParameter("keep_original")));
  }

  private static Boolean ticked(String checkbox) {
    return checkbox == null ? null : checkbox.contains("on") && !checkbox.equals("off");
  }

  private static UploadId upload(HttpServletRequest request, String field, ReferenceRole role) {
    var value = request.getParameter(field);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new UploadId(UUID.fromString(value.strip()));
    } catch (IllegalArgumentException e) {
      throw new InvalidGenerationRequest(
          role.param(), "invalid_reference", "No such upload for " + role.param() + ".");
    }
  }
}
