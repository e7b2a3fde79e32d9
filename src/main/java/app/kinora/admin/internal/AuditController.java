package app.kinora.admin.internal;

import app.kinora.account.AccountAdministration;
import app.kinora.audit.AuditTrail;
import app.kinora.shared.UserId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail with filters, and the same rows as CSV. */
@Controller
class AuditController {

  private static final int PAGE = 200;
  private static final int EXPORT = 50_000;

  private final AuditTrail trail;
  private final AccountAdministration accounts;

  AuditController(AuditTrail trail, AccountAdministration accounts) {
    this.trail = trail;
    this.accounts = accounts;
  }

  @GetMapping("/admin/audit")
  String audit(
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "") String actor,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String since,
      Model model) {
    var filter = filter(action, actor, email, since);
    model.addAttribute("section", "audit");
    model.addAttribute("action", action.strip());
    model.addAttribute(
        "actor", filter.actorKind() == null ? "" : filter.actorKind().name());
    model.addAttribute("email", email.strip());
    model.addAttribute("since", filter.since() == null ? "" : since.strip());
    model.addAttribute("kinds", AuditTrail.ActorKind.values());
    model.addAttribute("unknownEmail", !email.isBlank() && filter.subject() == null);
    model.addAttribute(
        "events",
        !email.isBlank() && filter.subject() == null ? List.of() : trail.search(filter, PAGE));
    return "admin/audit";
  }

  @GetMapping("/admin/audit.csv")
  void export(
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "") String actor,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String since,
      HttpServletResponse response)
      throws IOException {
    var filter = filter(action, actor, email, since);
    var events = !email.isBlank() && filter.subject() == null
        ? List.<AuditTrail.Event>of()
        : trail.search(filter, EXPORT);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"kinora-audit.csv\"");
    response.setHeader("Cache-Control", "no-store");
    var format = CSVFormat.RFC4180
        .builder()
        .setHeader("occurred_at", "actor_kind", "actor_id", "action", "subject_user", "details")
        .get();
    try (var csv = new CSVPrinter(
        new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), format)) {
      for (var event : events) {
        csv.printRecord(
            event.occurredAt(),
            event.actorKind(),
            event.actorId() == null ? "" : event.actorId(),
            cell(event.action()),
            event.subjectUser() == null ? "" : event.subjectUser(),
            cell(event.details()));
      }
    }
  }

  private AuditTrail.Filter filter(String action, String actor, String email, String since) {
    var kind = Arrays.stream(AuditTrail.ActorKind.values())
        .filter(k -> k.name().equalsIgnoreCase(actor.strip()))
        .findFirst()
        .orElse(null);
    UserId subject =
        email.isBlank() ? null : accounts.findByEmail(email).map(a -> a.id()).orElse(null);
    java.time.Instant from = null;
    if (!since.isBlank()) {
      try {
        from = LocalDate.parse(since.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        from = null; // an unreadable date filters nothing
      }
    }
    return new AuditTrail.Filter(
        action.isBlank() ? null : action.strip(), kind, subject, null, from);
  }

  /** A spreadsheet must not read a cell as a formula. */
  private static String cell(String text) {
    return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0
        ? "'" + text
        : text;
  }
}
