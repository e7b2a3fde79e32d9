package app.kinora.library.internal;

import app.kinora.media.Delivery;
import app.kinora.media.DeliveryFastPath;
import app.kinora.media.MediaFile;
import app.kinora.shared.UserId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The player's byte-range requests on a signed video link, answered before Spring Security and
 * Spring MVC: the signature is the whole authentication. Only a valid, unexpired link to an
 * output's video is taken here, with the file {@link ItemFiles} gives the controller; anything
 * else — a bad signature, a poster, an upload — goes on to {@link LibraryFilesController}, which
 * answers it (404 for a bad link).
 */
class SignedVideoFastPath extends DeliveryFastPath {

  /** The raw path, before any decoding: anything unusual goes the long way, through the firewall. */
  private static final Pattern PATH = Pattern.compile(
      "/media/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/(video|download)");

  private final LibraryItems items;
  private final ItemFiles files;
  private final Delivery delivery;

  SignedVideoFastPath(LibraryItems items, ItemFiles files, Delivery delivery) {
    super(delivery);
    this.items = items;
    this.files = files;
    this.delivery = delivery;
  }

  @Override
  protected Optional<MediaFile> fileFor(HttpServletRequest request, String path) {
    var matched = PATH.matcher(path);
    var expires = request.getParameter("expires");
    if (!matched.matches() || expires == null || !expires.matches("\\d{1,12}")) {
      return Optional.empty();
    }
    var variant = matched.group(2);
    return items
        .findForSignedLink(UUID.fromString(matched.group(1)))
        .filter(LibraryItem::isOutput)
        .filter(item -> delivery.verify(
            new UserId(item.owner()),
            item.id(),
            variant,
            Long.parseLong(expires),
            request.getParameter("signature")))
        .flatMap(item -> files.of(item, variant));
  }
}
