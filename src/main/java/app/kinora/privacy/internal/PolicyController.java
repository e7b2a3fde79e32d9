package app.kinora.privacy.internal;

import app.kinora.privacy.PolicyAcknowledgements;
import app.kinora.privacy.PolicyDocuments;
import app.kinora.privacy.Subprocessors;
import app.kinora.shared.UserPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The policy pages, their earlier versions, the subprocessor list and the acknowledge button. */
@Controller
class PolicyController {

  private final PolicyDocuments documents;
  private final PolicyRenderer renderer;
  private final PolicyAcknowledgements acknowledgements;
  private final Subprocessors subprocessors;

  PolicyController(
      PolicyDocuments documents,
      PolicyRenderer renderer,
      PolicyAcknowledgements acknowledgements,
      Subprocessors subprocessors) {
    this.documents = documents;
    this.renderer = renderer;
    this.acknowledgements = acknowledgements;
    this.subprocessors = subprocessors;
  }

  @GetMapping("/privacy")
  String privacy(@RequestParam(required = false) String version, Model model) {
    return show("privacy", version, model);
  }

  @GetMapping("/terms")
  String terms(@RequestParam(required = false) String version, Model model) {
    return show("terms", version, model);
  }

  @GetMapping("/privacy/subprocessors")
  String subprocessors(Model model) {
    model.addAttribute("subprocessors", subprocessors.all());
    return "privacy/subprocessors";
  }

  @PostMapping("/privacy/acknowledge/{document}/{version}")
  String acknowledge(
      @PathVariable String document,
      @PathVariable String version,
      @AuthenticationPrincipal UserPrincipal user) {
    if (user == null) {
      return "redirect:/login";
    }
    if (documents.find(document, version).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    acknowledgements.acknowledge(user.userId(), document, version);
    return "redirect:/" + ("privacy".equals(document) ? "privacy" : "terms") + "?acknowledged";
  }

  private String show(String document, String version, Model model) {
    var shown = version == null
        ? documents.current(document)
        : documents
            .find(document, version)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("document", shown);
    model.addAttribute("html", renderer.html(shown));
    model.addAttribute("isCurrent", shown.equals(documents.current(document)));
    model.addAttribute("versions", documents.versions(document));
    return "privacy/document";
  }
}
