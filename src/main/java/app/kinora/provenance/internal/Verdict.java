package app.kinora.provenance.internal;

import app.kinora.provenance.Credentials;
import app.kinora.provenance.SourceType;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code /verify} shows: a verdict and the credential chain in plain words — who signed, when,
 * with which tool and model, what the file was made from, whether it changed since.
 *
 * @param tone {@code valid}, {@code changed}, {@code invalid} or {@code none}, for the page's style
 */
record Verdict(
    String tone, String headline, List<String> problems, List<Row> rows, List<Verdict> parents) {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
          "d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  /** One line of the explanation. */
  record Row(String label, String value) {}

  static Verdict of(Credentials credentials) {
    var headline = switch (credentials.state()) {
      case NONE -> "This file has no Content Credentials.";
      case VALID -> "Content Credentials found: the file is as it was when it was signed.";
      case SIGNED -> "Content Credentials found and their signature holds.";
      case CHANGED -> "Content Credentials found, but the file was changed after it was signed.";
      case INVALID ->
        "Content Credentials found, but they cannot be trusted: they are damaged or"
            + " their signature does not hold.";
    };
    var rows = credentials.manifest().map(Verdict::rows).orElse(List.of());
    var parents = credentials.manifest().stream()
        .flatMap(m -> m.ingredients().stream())
        .flatMap(i -> i.manifest().stream())
        .map(parent -> new Verdict(
            parent.signatureValid() ? "valid" : "invalid",
            parent.signatureValid()
                ? "It keeps the credentials of what it was made from; their signature holds."
                : "It keeps credentials of what it was made from, whose signature does not hold.",
            List.of(),
            rows(parent),
            List.of()))
        .toList();
    return new Verdict(
        credentials.state().name().toLowerCase(Locale.ROOT),
        headline,
        credentials.problems(),
        rows,
        parents);
  }

  private static List<Row> rows(Credentials.Manifest manifest) {
    var rows = new ArrayList<Row>();
    var signer = manifest.signer();
    rows.add(new Row(
        "Signed by", signer.subject() + " (certificate issued by " + signer.issuer() + ")"));
    rows.add(new Row(
        "Trust",
        switch (signer.trust()) {
          case TRUSTED -> "The certificate comes from an authority this server trusts.";
          case THIS_SERVER ->
            "This server's own self-signed certificate: other verifiers will show"
                + " it as untrusted.";
          case UNTRUSTED ->
            "Nobody this server trusts vouches for the certificate (it may be"
                + " self-signed): the statements are only as good as the signer.";
        }));
    if (manifest.signedAt() != null) {
      rows.add(new Row(
          "When",
          WHEN.format(manifest.signedAt())
              + (manifest.timestamped()
                  ? " (vouched for by a timestamp authority)"
                  : " (as the signer states it)")));
    }
    rows.add(new Row("Written by", manifest.generator()));
    manifest
        .sourceType()
        .ifPresent(type -> rows.add(new Row(
            "How it was made",
            type == SourceType.TRAINED_ALGORITHMIC_MEDIA
                ? "AI-generated: made by a trained model"
                : "Computed by a program (not a trained model)")));
    for (var action : manifest.actions()) {
      var text = new StringBuilder(describe(action.action()));
      if (action.softwareAgent() != null) {
        text.append(" with ").append(action.softwareAgent());
      }
      if (action.description() != null) {
        text.append(". ").append(action.description());
      }
      rows.add(new Row("Step", text.toString()));
    }
    if (manifest.ingredients().isEmpty()) {
      rows.add(new Row("Made from", "Nothing it names: no file went into it."));
    }
    for (var ingredient : manifest.ingredients()) {
      var text = (ingredient.title() == null ? "a file" : ingredient.title())
          + (ingredient.mediaType() == null ? "" : " (" + ingredient.mediaType() + ")")
          + switch (String.valueOf(ingredient.relationship())) {
            case "parentOf" -> ", the file this one was made from";
            case "inputTo" -> ", given to the model";
            default -> ", a part of it";
          }
          + (ingredient.instanceId() == null ? "" : ", identified as " + ingredient.instanceId());
      rows.add(new Row("Made from", text));
    }
    return rows;
  }

  private static String describe(String action) {
    return switch (action) {
      case "c2pa.created" -> "Created";
      case "c2pa.opened" -> "Opened an existing file";
      case "c2pa.edited" -> "Edited";
      case "c2pa.transcoded" -> "Re-encoded";
      case "c2pa.published" -> "Published";
      default -> action;
    };
  }
}
