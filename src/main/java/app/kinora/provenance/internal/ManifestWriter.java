package app.kinora.provenance.internal;

import app.kinora.provenance.InputMedia;
import app.kinora.provenance.ManifestDraft;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes a manifest store: the store a file already had (if any), followed by Kinora's manifest —
 * its assertions (ingredients, actions, the BMFF hash), its claim ({@code c2pa.claim.v2}) and the
 * claim's COSE signature. Every value has a fixed length, so that the store written before the
 * file's hash is known has the size of the final one.
 */
final class ManifestWriter {

  static final String ASSERTIONS = "c2pa.assertions";
  static final String ACTIONS = "c2pa.actions.v2";
  static final String INGREDIENT = "c2pa.ingredient.v3";
  static final String CLAIM = "c2pa.claim.v2";
  static final String SIGNATURE = "c2pa.signature";

  private ManifestWriter() {}

  /**
   * Everything about one manifest but the file's hash and the signature.
   *
   * @param label the manifest's URN, {@code urn:c2pa:<uuid>}
   * @param previous the manifest store the file already had, or null
   * @param parent the previous store's active manifest (the new manifest's parent), or null
   * @param parentResults validation codes of the parent, by outcome ({@code success},
   *     {@code failure})
   * @param protectedHeader the COSE protected header (algorithm and certificate chain)
   * @param signatureLength the length of every signature the key makes
   * @param watermarks the invisible watermarks embedded before signing, by name
   */
  record Plan(
      String label,
      String instanceId,
      ManifestDraft draft,
      String generatorVersion,
      Jumbf.SuperBox previous,
      Jumbf.SuperBox parent,
      Map<String, List<String>> parentResults,
      byte[] protectedHeader,
      int signatureLength,
      List<String> watermarks) {}

  /**
   * The whole manifest store.
   *
   * @param sealer makes the COSE_Sign1 structure that signs the bytes it is given
   */
  static byte[] store(Plan plan, byte[] fileHash, UnaryOperator<byte[]> sealer) {
    var assertions = new ArrayList<Jumbf.SuperBox>();
    var ingredientLinks = new ArrayList<Object>();
    Object parentLink = null;
    int index = 0;
    if (plan.parent() != null) {
      var box = assertion(labelled(INGREDIENT, index++), parentIngredient(plan));
      assertions.add(box);
      parentLink = link(ASSERTIONS + "/" + box.label(), box.payload());
    }
    for (var input : plan.draft().inputs()) {
      var relationship = input.role() == InputMedia.Role.SOURCE_VIDEO && plan.parent() == null
          ? "parentOf"
          : "inputTo";
      var box = assertion(labelled(INGREDIENT, index++), inputIngredient(input, relationship));
      assertions.add(box);
      var link = link(ASSERTIONS + "/" + box.label(), box.payload());
      if (relationship.equals("parentOf")) {
        parentLink = link;
      } else {
        ingredientLinks.add(link);
      }
    }
    assertions.add(assertion(ACTIONS, actions(plan, parentLink, ingredientLinks)));
    assertions.add(assertion(BmffHash.LABEL, BmffHash.assertion(fileHash)));

    var createdAssertions = assertions.stream()
        .map(box -> link(ASSERTIONS + "/" + box.label(), box.payload()))
        .toList();
    var claim = new LinkedHashMap<String, Object>();
    claim.put("instanceID", plan.instanceId());
    claim.put("claim_generator_info", generator(plan.generatorVersion()));
    claim.put("signature", "self#jumbf=" + SIGNATURE);
    claim.put("created_assertions", createdAssertions);
    claim.put("alg", "sha256");
    var claimBytes = Cbor.encode(claim);

    var cose = sealer.apply(Cose.toBeSigned(plan.protectedHeader(), claimBytes));

    var manifest = new Jumbf.SuperBox(
        Jumbf.MANIFEST,
        plan.label(),
        List.of(
            new Jumbf.SuperBox(Jumbf.ASSERTION_STORE, ASSERTIONS, List.copyOf(assertions)),
            Jumbf.cbor(Jumbf.CLAIM, CLAIM, claimBytes),
            Jumbf.cbor(Jumbf.SIGNATURE, SIGNATURE, cose)));
    var manifests = new ArrayList<Jumbf.Node>();
    if (plan.previous() != null) {
      manifests.addAll(plan.previous().superBoxes());
    }
    manifests.add(manifest);
    return new Jumbf.SuperBox(Jumbf.MANIFEST_STORE, "c2pa", manifests).bytes();
  }

  /**
   * Made from nothing but words and pictures: {@code c2pa.created} with the inputs. Made from a
   * parent (a platform's signed file, or the clip a remix restyles): {@code c2pa.opened} with the
   * parent alone, then for a remix {@code c2pa.edited} with the other inputs.
   */
  private static Map<String, Object> actions(Plan plan, Object parentLink, List<Object> inputs) {
    var draft = plan.draft();
    var actions = new ArrayList<Object>();
    var first = action(parentLink == null ? "c2pa.created" : "c2pa.opened", draft);
    first.put("description", description(draft, plan.parent() != null));
    var firstIngredients = parentLink == null ? inputs : List.of(parentLink);
    if (!firstIngredients.isEmpty()) {
      first.put("parameters", Map.of("ingredients", firstIngredients));
    }
    actions.add(first);
    if (parentLink != null && plan.parent() == null) {
      var edited = action("c2pa.edited", draft);
      edited.put("description", "The model made new pictures from the source video.");
      if (!inputs.isEmpty()) {
        edited.put("parameters", Map.of("ingredients", inputs));
      }
      actions.add(edited);
    }
    for (var watermark : plan.watermarks()) {
      var watermarked = new LinkedHashMap<String, Object>();
      watermarked.put("action", "c2pa.watermarked");
      watermarked.put("softwareAgent", Map.of("name", watermark));
      watermarked.put("description", "An invisible watermark was embedded in the pictures.");
      actions.add(watermarked);
    }
    if (draft.edit() != null) {
      var edited = new LinkedHashMap<String, Object>();
      edited.put("action", "c2pa.edited");
      edited.put("softwareAgent", generator(plan.generatorVersion()));
      edited.put("description", draft.edit());
      actions.add(edited);
    }
    return Map.of("actions", actions);
  }

  private static Map<String, Object> action(String name, ManifestDraft draft) {
    var agent = new LinkedHashMap<String, Object>();
    agent.put("name", draft.model());
    var action = new LinkedHashMap<String, Object>();
    action.put("action", name);
    action.put(
        "when",
        DateTimeFormatter.ISO_INSTANT.format(draft.madeAt().truncatedTo(ChronoUnit.SECONDS)));
    action.put("softwareAgent", agent);
    action.put("digitalSourceType", draft.sourceType().uri());
    return action;
  }

  private static String description(ManifestDraft draft, boolean fromPlatformFile) {
    var made = draft.platform() == null
        ? "Drawn by Kinora's local renderer " + draft.model()
            + ", a procedural program, not a trained model."
        : (fromPlatformFile ? "Received from " : "Made on ") + draft.platform() + " by the model "
            + draft.model() + ".";
    // its owner chose, for this video, to publish the words it was made from
    return draft.prompt() == null ? made : made + " Prompt: \u201c" + draft.prompt() + "\u201d";
  }

  private static Map<String, Object> parentIngredient(Plan plan) {
    var ingredient = new LinkedHashMap<String, Object>();
    ingredient.put("dc:title", "Video from " + plan.draft().platform());
    ingredient.put("dc:format", "video/mp4");
    ingredient.put("relationship", "parentOf");
    var results = new LinkedHashMap<String, Object>();
    for (var outcome : List.of("success", "informational", "failure")) {
      results.put(
          outcome,
          plan.parentResults().getOrDefault(outcome, List.of()).stream()
              .map(code -> (Object) Map.of("code", code))
              .toList());
    }
    ingredient.put("validationResults", Map.of("activeManifest", results));
    var parentUrl = "/c2pa/" + plan.parent().label();
    ingredient.put("activeManifest", link(parentUrl, plan.parent().payload()));
    plan.parent()
        .child(SIGNATURE)
        .ifPresent(signature -> ingredient.put(
            "claimSignature", link(parentUrl + "/" + SIGNATURE, signature.payload())));
    return ingredient;
  }

  private static Map<String, Object> inputIngredient(InputMedia input, String relationship) {
    var ingredient = new LinkedHashMap<String, Object>();
    ingredient.put("dc:title", input.role().title());
    ingredient.put("dc:format", input.mediaType());
    ingredient.put("relationship", relationship);
    ingredient.put("instanceID", "sha256:" + input.sha256());
    return ingredient;
  }

  private static Map<String, Object> generator(String version) {
    var generator = new LinkedHashMap<String, Object>();
    generator.put("name", "Kinora");
    generator.put("version", version);
    return generator;
  }

  private static Jumbf.SuperBox assertion(String label, Map<String, Object> content) {
    return Jumbf.cbor(Jumbf.CBOR_ASSERTION, label, Cbor.encode(content));
  }

  private static String labelled(String label, int index) {
    return index == 0 ? label : label + "__" + index;
  }

  /** A hashed URI: a JUMBF reference with the SHA-256 of what it points at. */
  static Map<String, Object> link(String path, byte[] payload) {
    var link = new LinkedHashMap<String, Object>();
    link.put("url", "self#jumbf=" + path);
    link.put("hash", sha256(payload));
    return link;
  }

  static byte[] sha256(byte[] bytes) {
    return BmffHash.messageDigest("sha256").digest(bytes);
  }
}
