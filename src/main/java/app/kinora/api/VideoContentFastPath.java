package app.kinora.api;

import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.media.LocalFileFastPath;
import app.kinora.media.MediaDelivery;
import app.kinora.shared.UserPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Range requests for a video's bytes ({@code GET /v1/videos/{id}/content}), answered right after
 * Spring Security has checked the API key and its scope, without going through Spring MVC: a
 * client streaming a video asks for range after range, so their fixed cost is most of the cost.
 * Only a plain GET of a completed video on local disk is answered here, with exactly the headers
 * {@link VideosApi#content} gives; anything else — another variant, a conditional request, a
 * video not ready, object storage — goes on to that controller.
 */
class VideoContentFastPath extends LocalFileFastPath {

  private static final Pattern PATH = Pattern.compile("/v1/videos/(video_[0-9a-f]{32})/content");

  private final Generations generations;

  VideoContentFastPath(Generations generations) {
    this.generations = generations;
  }

  @Override
  protected boolean answered(HttpServletRequest request, HttpServletResponse response) {
    var path = PATH.matcher(path(request));
    var variant = request.getParameter("variant");
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!path.matches() || (variant != null && !variant.equals("video")) || authentication == null
        || !(authentication.getPrincipal() instanceof UserPrincipal user)) {
      return false;
    }
    var id = GenerationId.fromApiId(path.group(1));
    var file = generations.output(user.userId(), id, OutputVariant.VIDEO);
    return file.isPresent()
        && MediaDelivery.sendLocalFile(file.get(), OutputVariant.VIDEO.contentType(), id.apiId() + "-video", null,
            request, response);
  }
}
