package app.kinora.library.internal;

import app.kinora.shared.UserPrincipal;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The star on a video: set or cleared by its owner (another user's id answers 404, like one that
 * does not exist). htmx swaps the star in place; a plain form post goes back to the page it came
 * from.
 */
@Controller
class FavouritesController {

  /** Pages of the library only: a form cannot send anyone elsewhere. */
  private static final Pattern LIBRARY_PAGE =
      Pattern.compile("/library(/[0-9a-fA-F-]{36})?(\\?[\\w%+.=&-]*)?");

  private final LibraryItems items;

  FavouritesController(LibraryItems items) {
    this.items = items;
  }

  @PostMapping("/library/{id}/favourite")
  String favourite(
      @AuthenticationPrincipal UserPrincipal user,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "true") String favourite,
      @RequestParam(required = false) String back,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model view) {
    var owner = user.userId().value();
    var starred = switch (favourite.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    };
    if (!items.markFavourite(owner, id, starred)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    if (htmx != null) {
      view.addAttribute(
          "item",
          items
              .find(owner, id)
              .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
      view.addAttribute(
          "back", back != null && LIBRARY_PAGE.matcher(back).matches() ? back : "/library");
      return "library/library :: star";
    }
    if (back == null || !LIBRARY_PAGE.matcher(back).matches()) {
      return "redirect:/library#item-" + id;
    }
    // back on the grid, at the tile that was starred
    return "redirect:" + back + (back.startsWith("/library/") ? "" : "#item-" + id);
  }
}
