package app.kinora.account.internal;

import app.kinora.account.ApiKeyAuthentication;
import app.kinora.shared.UserPrincipal;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Lets a user create, see (by prefix) and revoke the API keys for {@code /v1}. The owner is told
 * of each new key by email.
 */
@Controller
class ApiKeysController {

  private static final int MAX_NAME = 60;

  private final ApiKeys apiKeys;
  private final SecurityAudit audit;
  private final Users users;
  private final AccountEmails emails;
  private final Clock clock;

  ApiKeysController(
      ApiKeys apiKeys, SecurityAudit audit, Users users, AccountEmails emails, Clock clock) {
    this.audit = audit;
    this.apiKeys = apiKeys;
    this.users = users;
    this.emails = emails;
    this.clock = clock;
  }

  @GetMapping("/account/api-keys")
  String list(@AuthenticationPrincipal UserPrincipal user, Model model) {
    model.addAttribute("keys", apiKeys.list(user.userId()));
    return "account/api-keys";
  }

  @PostMapping("/account/api-keys")
  String create(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(name = "scope", required = false) java.util.List<String> scopes,
      RedirectAttributes flash) {
    var chosen = java.util.EnumSet.noneOf(ApiKeyAuthentication.Scope.class);
    for (var scope : scopes == null ? java.util.List.<String>of() : scopes) {
      try {
        chosen.add(ApiKeyAuthentication.Scope.valueOf(scope.toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        flash.addFlashAttribute("error", "Unknown scope.");
        return "redirect:/account/api-keys";
      }
    }
    if (chosen.isEmpty()) {
      flash.addFlashAttribute("error", "Choose what the key may do: read, generate, or both.");
      return "redirect:/account/api-keys";
    }
    var label = name.isBlank() ? "API key" : name.strip();
    if (label.length() > MAX_NAME) {
      label = label.substring(0, MAX_NAME);
    }
    var secret = apiKeys.create(user.userId(), label, chosen);
    flash.addFlashAttribute("newKey", secret);
    audit.byOwner(
        user.userId(), "api_key_created", "scopes " + chosen); // not its name: the user chose it
    tellOwner(user, label, secret, chosen);
    return "redirect:/account/api-keys";
  }

  private void tellOwner(
      UserPrincipal user,
      String name,
      String secret,
      java.util.Set<ApiKeyAuthentication.Scope> scopes) {
    var may = String.join(
        " and ",
        scopes.stream()
            .map(scope -> scope.name().toLowerCase(java.util.Locale.ROOT))
            .toList());
    users
        .find(user.userId())
        .ifPresent(account -> emails.sendApiKeyCreated(
            account, name, ApiKeys.prefixOf(secret), may, clock.instant()));
  }

  @PostMapping("/account/api-keys/{id}/revoke")
  String revoke(@AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id) {
    apiKeys.revoke(user.userId(), id);
    audit.byOwner(user.userId(), "api_key_revoked", id.toString());
    return "redirect:/account/api-keys";
  }
}
