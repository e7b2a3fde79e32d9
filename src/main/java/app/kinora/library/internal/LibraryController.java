package app.kinora.library.internal;

import app.kinora.generation.DataSent;
import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.library.internal.LibraryItem.Source;
import app.kinora.media.Delivery;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import app.kinora.shared.UserPrincipal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My library": the grid of a user's videos or uploads with filters, search, sort and keyset
 * pages; an item's detail page; deletes, one or many.
 */
@Controller
class LibraryController {

  private final LibraryItems items;
  private final Generations generations;
  private final LibraryRemoval removal;
  private final Delivery delivery;
  private final LastFrame lastFrame;
  private final MediaUploads uploads;

  LibraryController(
      LibraryItems items,
      Generations generations,
      LibraryRemoval removal,
      Delivery delivery,
      LastFrame lastFrame,
      MediaUploads uploads) {
    this.uploads = uploads;
    this.items = items;
    this.generations = generations;
    this.removal = removal;
    this.delivery = delivery;
    this.lastFrame = lastFrame;
  }

  /**
   * The grid, from the first page or, without JavaScript, from the cursor of the "More" link on
   * (with JavaScript the next pages arrive as fragments at the end of this one).
   */
  @GetMapping("/library")
  String library(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(defaultValue = "videos") String tab,
      @RequestParam(required = false) String model,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String favourites,
      @RequestParam(required = false) String after,
      Model view) {
    var query = LibraryQuery.of(source(tab), model, status, from, to, q, sort, favourites, after);
    view.addAttribute("models", items.models(user.userId().value()));
    view.addAttribute("filtered", query.filtered());
    fill(view, user, query);
    return "library/library";
  }

  /** The next page of cards and its own "more" link, for htmx. */
  @GetMapping("/library/page")
  String page(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(defaultValue = "videos") String tab,
      @RequestParam(required = false) String model,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String favourites,
      @RequestParam(required = false) String after,
      Model view) {
    fill(
        view,
        user,
        LibraryQuery.of(source(tab), model, status, from, to, q, sort, favourites, after));
    return "library/library :: cards";
  }

  private void fill(Model view, UserPrincipal user, LibraryQuery query) {
    view.addAttribute("tab", query.source() == Source.UPLOAD ? "uploads" : "videos");
    view.addAttribute("query", query);
    var page = items.page(user.userId().value(), query);
    view.addAttribute("page", page);
    view.addAttribute("originals", originals(user, page));
    // where a star's form comes back to without JavaScript: the same view, from its first page
    view.addAttribute("back", query.link("/library", null));
    page.next().ifPresent(next -> {
      view.addAttribute("nextLink", query.link("/library", next));
      view.addAttribute("nextFragment", query.link("/library/page", next));
    });
  }

  /** The uploads on the page whose original the owner chose to keep. */
  private java.util.Set<java.util.UUID> originals(UserPrincipal user, LibraryItems.Page page) {
    var uploadIds = page.items().stream()
        .filter(item -> !item.isOutput())
        .map(item -> new UploadId(item.id()))
        .toList();
    return uploads.withOriginals(user.userId(), uploadIds).stream()
        .map(UploadId::value)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** One card again: running ones ask for themselves every few seconds until they finish. */
  @GetMapping("/library/{id}/card")
  String card(@AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id, Model view) {
    view.addAttribute("item", owned(user, id));
    return "library/library :: card";
  }

  @GetMapping("/library/{id}")
  String detail(@AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id, Model view) {
    var indexed = owned(user, id);
    if (!indexed.isOutput()) {
      return "redirect:/library?tab=uploads";
    }
    var generation = generations
        .find(user.userId(), new GenerationId(id))
        .orElseThrow(LibraryController::notFound);
    // the library's index follows the generation's events a moment later: the page shows the
    // generation's own state, so a video opened from the studio as it finishes plays at once
    var item = indexed.withStatus(LibraryItem.Status.of(generation));
    var owner = user.userId().value();
    view.addAttribute("item", item);
    view.addAttribute("back", "/library/" + id);
    view.addAttribute("g", generation);
    view.addAttribute("references", References.of(generation.spec().references(), items, owner));
    if (item.status() == LibraryItem.Status.COMPLETED) {
      view.addAttribute("videoLink", delivery.signedUrl(user.userId(), id, "video"));
      view.addAttribute("downloadLink", delivery.signedUrl(user.userId(), id, "download"));
      view.addAttribute(
          "downloadName", DownloadName.of(item, "mp4", generations.aiGenerated(item.model())));
    }
    view.addAttribute("aiGenerated", generations.aiGenerated(generation.model()));
    view.addAttribute("dataSent", dataSent(user, generation.id()));
    view.addAttribute("rerunLink", Rerun.link(generation));
    return "library/detail";
  }

  /** The transfer log's lines, as the studio's card shows them: one per platform and content. */
  private List<String> dataSent(UserPrincipal user, GenerationId id) {
    return generations.dataSent(user.userId(), List.of(id)).get(id).stream()
        .map(DataSent::summary)
        .distinct()
        .toList();
  }

  @PostMapping("/library/{id}/delete")
  String delete(
      @AuthenticationPrincipal UserPrincipal user,
      @PathVariable UUID id,
      RedirectAttributes flash) {
    var item = owned(user, id);
    var outcome = removal.delete(user.userId(), List.of(id));
    flash.addFlashAttribute(
        "notice",
        outcome.deleted() == 1
            ? "Deleted."
            : "It is still rendering; delete it once it has finished.");
    return "redirect:/library" + (item.isOutput() ? "" : "?tab=uploads");
  }

  @PostMapping("/library/delete")
  String deleteMany(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(name = "ids", required = false) List<UUID> ids,
      @RequestParam(defaultValue = "videos") String tab,
      RedirectAttributes flash) {
    var outcome = removal.delete(user.userId(), ids == null ? List.of() : ids);
    var message = outcome.deleted() == 1
        ? "Deleted 1 item."
        : "Deleted %d items.".formatted(outcome.deleted());
    if (outcome.stillRunning() > 0) {
      message += " %d still rendering were kept.".formatted(outcome.stillRunning());
    }
    flash.addFlashAttribute(
        "notice", ids == null || ids.isEmpty() ? "Select items to delete first." : message);
    return "redirect:/library" + (tab.equals("uploads") ? "?tab=uploads" : "");
  }

  /** Takes the video's last frame as a new image upload and opens the studio with it as first frame. */
  @PostMapping("/library/{id}/last-frame")
  String useLastFrame(@AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id) {
    var item = owned(user, id);
    if (item.status() != LibraryItem.Status.COMPLETED || !item.isOutput()) {
      throw notFound();
    }
    var upload = lastFrame.asUpload(user.userId(), item);
    var generation = generations
        .find(user.userId(), new GenerationId(id))
        .orElseThrow(LibraryController::notFound);
    return "redirect:" + Rerun.continuation(generation, upload.value());
  }

  private LibraryItem owned(UserPrincipal user, UUID id) {
    return items.find(user.userId().value(), id).orElseThrow(LibraryController::notFound);
  }

  private static Source source(String tab) {
    return "uploads".equals(tab) ? Source.UPLOAD : Source.OUTPUT;
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
