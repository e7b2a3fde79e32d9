package app.kinora.library.internal;

import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.media.LocalFileFastPath;
import app.kinora.media.MediaDelivery;
import app.kinora.shared.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The player's byte-range requests on a signed video link, answered before Spring Security and
 * Spring MVC: the signature is the whole authentication, and a player asks for range after
 * range, so their fixed cost is most of the cost. Only a plain GET of a valid, unexpired link to
 * a video on local disk is answered here, with exactly the headers {@link LibraryFilesController}
 * gives; anything else — a bad signature, a poster, a conditional request, object storage — goes
 * on to that controller, which answers it (404 for a bad link).
 */
class SignedVideoFastPath extends LocalFileFastPath {

  /** The raw path, before any decoding: anything unusual goes the long way, through the firewall. */
  private static final Pattern PATH = Pattern.compile("/media/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/(video|download)");

  private final LibraryItems items;
  private final SignedLinks links;
  private final Generations generations;

  SignedVideoFastPath(LibraryItems items, SignedLinks links, Generations generations) {
    this.items = items;
    this.links = links;
    this.generations = generations;
  }

  @Override
  protected boolean answered(HttpServletRequest request, HttpServletResponse response) {
    var path = PATH.matcher(path(request));
    var expires = request.getParameter("expires");
    if (!path.matches() || expires == null || !expires.matches("\\d{1,12}")) {
      return false;
    }
    var id = UUID.fromString(path.group(1));
    var variant = path.group(2);
    var item = items.findForSignedLink(id)
        .filter(LibraryItem::isOutput)
        .filter(i -> links.verify(i.owner(), i.id(), variant, Long.parseLong(expires), request.getParameter("signature")));
    if (item.isEmpty()) {
      return false;
    }
    var file = generations.output(new UserId(item.get().owner()), new GenerationId(id), OutputVariant.VIDEO);
    var name = variant.equals("download") ? DownloadName.of(item.get(), "mp4") : null;
    return file.isPresent()
        && MediaDelivery.sendLocalFile(file.get(), OutputVariant.VIDEO.contentType(), id + "-video", name, request, response);
  }
}
