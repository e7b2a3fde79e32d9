package app.kinora.privacy.internal;

import app.kinora.privacy.PolicyDocuments;
import app.kinora.privacy.PrivacyProperties;
import app.kinora.privacy.RetentionEngine;
import app.kinora.privacy.Subprocessors;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders a policy version to HTML with this deployment's facts filled in: the operator's name,
 * address and contact, the retention periods in force and the subprocessors in use. Raw HTML in
 * the Markdown is escaped, never passed through.
 */
@Component
class PolicyRenderer {

  private static final List<org.commonmark.Extension> EXTENSIONS =
      List.of(TablesExtension.create(), HeadingAnchorExtension.create());
  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

  private final PrivacyProperties properties;
  private final RetentionEngine retention;
  private final Subprocessors subprocessors;

  PolicyRenderer(
      PrivacyProperties properties, RetentionEngine retention, Subprocessors subprocessors) {
    this.properties = properties;
    this.retention = retention;
    this.subprocessors = subprocessors;
  }

  String html(PolicyDocuments.Version version) {
    return renderer.render(parser.parse(filled(version.markdown())));
  }

  private String filled(String markdown) {
    var operator = properties.operator();
    var filled = withoutUnset(markdown, operator);
    var values = Map.of(
        "{{operator.name}}", plain(operator.name()),
        "{{operator.address}}", plain(operator.address()),
        "{{operator.contact}}", plain(operator.contactEmail()),
        "{{operator.country}}", plain(operator.country()),
        "{{retention}}", retentionTable(),
        "{{subprocessors}}", subprocessorTable());
    for (var entry : values.entrySet()) {
      filled = filled.replace(entry.getKey(), entry.getValue());
    }
    return filled;
  }

  private String retentionTable() {
    var table = new StringBuilder("| Data | Kept for |\n|---|---|\n");
    retention
        .categories()
        .forEach(category -> table
            .append("| ")
            .append(plain(category.description()))
            .append(" | ")
            .append(days(category.period()))
            .append(" |\n"));
    return table.toString();
  }

  private String subprocessorTable() {
    var all = subprocessors.all();
    if (all.isEmpty()) {
      return "_None: this deployment runs everything on its own servers._";
    }
    var table =
        new StringBuilder("| Service | What it receives your data for | Where |\n|---|---|---|\n");
    all.forEach(s -> table
        .append("| ")
        .append(plain(s.name()))
        .append(" | ")
        .append(plain(s.purpose()))
        .append(" | ")
        .append(plain(s.country()))
        .append(" |\n"));
    return table.toString();
  }

  private static String days(Duration period) {
    long days = period.toDays();
    return days == 1 ? "1 day" : days + " days";
  }

  /**
   * Leaves out what the operator has not set instead of printing a placeholder: the address and
   * country in their brackets, a clause or sentence giving the contact address, and an unnamed
   * operator becomes "the operator of this site".
   */
  static String withoutUnset(String markdown, PrivacyProperties.Operator operator) {
    var text = markdown;
    var address = unset(operator == null ? null : operator.address());
    var country = unset(operator == null ? null : operator.country());
    if (address && country) {
      text =
          text.replaceAll("\\s*\\(\\{\\{operator\\.address}}, \\{\\{operator\\.country}}\\)", "");
    } else if (address) {
      text = text.replace("{{operator.address}}, ", "");
    } else if (country) {
      text = text.replace(", {{operator.country}}", "");
    }
    if (address) {
      text = text.replace("{{operator.address}}", "");
    }
    if (country) {
      text = text.replace("{{operator.country}}", "");
    }
    if (unset(operator == null ? null : operator.contactEmail())) {
      text = text.replaceAll("\\s+or by writing to \\{\\{operator\\.contact}}", "")
          // the rest of the sentence that gives the address
          .replaceAll("[^.\\n]*\\{\\{operator\\.contact}}[^.\\n]*\\.[ \\t]*", "");
    }
    if (unset(operator == null ? null : operator.name())) {
      text = text.replace("**{{operator.name}}**", "the operator of this site")
          .replace("{{operator.name}}", "the operator of this site");
    }
    return text;
  }

  private static boolean unset(String value) {
    return value == null || value.isBlank();
  }

  /** Configuration values are text: table pipes and Markdown markers lose their meaning. */
  private static String plain(String value) {
    if (value == null || value.isBlank()) {
      return "";
    }
    return value.replaceAll("([\\\\`*_\\[\\]|<>#])", "\\\\$1").replace("\n", " ");
  }
}
