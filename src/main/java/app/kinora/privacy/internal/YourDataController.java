package app.kinora.privacy.internal;

import app.kinora.privacy.DataExports;
import app.kinora.privacy.PrivacyRequest;
import app.kinora.privacy.PrivacyRequests;
import app.kinora.privacy.PrivacySettings;
import app.kinora.shared.UserPrincipal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** "Your data": download everything, object to optional uses, and find the other privacy controls. */
@Controller
class YourDataController {

  private final DataExports exports;
  private final PrivacySettings settings;
  private final PrivacyRequests requests;

  YourDataController(DataExports exports, PrivacySettings settings, PrivacyRequests requests) {
    this.exports = exports;
    this.settings = settings;
    this.requests = requests;
  }

  @GetMapping("/account/privacy")
  String page(@AuthenticationPrincipal UserPrincipal user, Model model) {
    var list = exports.list(user.userId());
    model.addAttribute("exports", list);
    model.addAttribute("pending", list.stream().anyMatch(e -> "PENDING".equals(e.status())));
    model.addAttribute("settings", settings.of(user.userId()));
    return "privacy/your-data";
  }

  @PostMapping("/account/privacy/export")
  String requestExport(@AuthenticationPrincipal UserPrincipal user) {
    exports.request(user.userId());
    return "redirect:/account/privacy?exportRequested";
  }

  @PostMapping("/account/privacy/settings")
  String saveSettings(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(defaultValue = "false") boolean contentForQuality,
      @RequestParam(defaultValue = "false") boolean marketingEmail) {
    settings.save(user.userId(), new PrivacySettings.Settings(contentForQuality, marketingEmail));
    return "redirect:/account/privacy?saved";
  }

  /** Anything the pages do not let the user change themselves goes to the operators as a request. */
  @PostMapping("/account/privacy/correction")
  String requestCorrection(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(defaultValue = "") String details,
      org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
    try {
      var request = requests.fromAccount(
          user.userId(), PrivacyRequest.Kind.CORRECTION, details, PrivacyRequest.Jurisdiction.GDPR);
      flash.addFlashAttribute("requestSent", request.dueAt());
    } catch (IllegalArgumentException e) {
      flash.addFlashAttribute("requestError", e.getMessage());
    }
    return "redirect:/account/privacy#correction";
  }

  @GetMapping("/account/privacy/exports/{id}")
  ResponseEntity<StreamingResponseBody> download(
      @AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id)
      throws java.io.IOException {
    var archive = exports
        .open(user.userId(), id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    var name = "kinora-data-" + LocalDate.now(ZoneOffset.UTC) + ".zip";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(out -> {
          try (archive) {
            archive.transferTo(out);
          }
        });
  }
}
