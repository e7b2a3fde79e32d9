package app.kinora.api;

import app.kinora.provenance.Credentials;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Kinora's extension {@code provenance} on a completed video: what its Content Credentials (C2PA)
 * say, read from the stored file. The signature is checked here; the hash over the whole file is
 * checked by {@code /verify}.
 *
 * @param state {@code signed}, {@code invalid} or {@code none}
 * @param trust {@code this_server} (Kinora's own self-signed credentials), {@code trusted} or
 *     {@code untrusted}
 */
record ProvenanceSummary(
    String standard,
    String state,
    String manifest,
    @JsonProperty("signed_by") String signedBy,
    String issuer,
    String trust,
    @JsonProperty("signed_at") Long signedAt,
    String generator,
    @JsonProperty("digital_source_type") String digitalSourceType,
    List<String> actions,
    List<Ingredient> ingredients) {

  record Ingredient(
      String title,
      String relationship,
      @JsonProperty("instance_id") String instanceId,
      @JsonProperty("signed_by") String signedBy) {}

  static ProvenanceSummary of(Credentials credentials) {
    var state = credentials.state().name().toLowerCase(java.util.Locale.ROOT);
    return credentials
        .manifest()
        .map(m -> new ProvenanceSummary(
            "C2PA",
            state,
            m.label(),
            m.signer().subject(),
            m.signer().issuer(),
            m.signer().trust().name().toLowerCase(java.util.Locale.ROOT),
            m.signedAt() == null ? null : m.signedAt().getEpochSecond(),
            m.generator(),
            m.sourceType().map(app.kinora.provenance.SourceType::uri).orElse(null),
            m.actions().stream().map(Credentials.Action::action).toList(),
            m.ingredients().stream()
                .map(i -> new Ingredient(
                    i.title(),
                    i.relationship(),
                    i.instanceId(),
                    i.manifest().map(p -> p.signer().subject()).orElse(null)))
                .toList()))
        .orElseGet(() -> new ProvenanceSummary(
            "C2PA", state, null, null, null, null, null, null, null, List.of(), List.of()));
  }
}
