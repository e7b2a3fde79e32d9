package app.kinora.api;

import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.media.Delivery;
import app.kinora.media.DeliveryFastPath;
import app.kinora.media.MediaFile;
import app.kinora.shared.UserPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Range requests for a video's bytes ({@code GET /v1/videos/{id}/content}), answered right after
 * Spring Security has checked the API key and its scope, without going through Spring MVC. Only a
 * completed video of the caller's is taken here, as the same file {@link VideosApi#content} gives;
 * anything else — another variant, a video not ready — goes on to that controller.
 */
class VideoContentFastPath extends DeliveryFastPath {

  private static final Pattern PATH = Pattern.compile("/v1/videos/(video_[0-9a-f]{32})/content");

  private final Generations generations;

  VideoContentFastPath(Generations generations, Delivery delivery) {
    super(delivery);
    this.generations = generations;
  }

  @Override
  protected Optional<MediaFile> fileFor(HttpServletRequest request, String path) {
    var matched = PATH.matcher(path);
    var variant = request.getParameter("variant");
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!matched.matches()
        || (variant != null && !variant.equals("video"))
        || authentication == null
        || !(authentication.getPrincipal() instanceof UserPrincipal user)) {
      return Optional.empty();
    }
    var id = GenerationId.fromApiId(matched.group(1));
    return generations
        .output(user.userId(), id, OutputVariant.VIDEO)
        .map(file -> MediaFile.of(file, OutputVariant.VIDEO.contentType(), id.apiId() + "-video"));
  }
}
