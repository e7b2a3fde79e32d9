package app.kinora.provenance.internal;

import app.kinora.provenance.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the Content Credentials of an MP4 and checks them as a C2PA validator does: the claim's
 * signature, the hash of every assertion the claim names, and the hard binding (the BMFF hash)
 * over the file. Ingredients' manifests kept in the store are read and their signatures checked.
 */
final class ManifestReader {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ManifestReader.class);

  private static final int MAX_INGREDIENT_DEPTH = 8;
  private static final long MAX_HEAD_BOX = 64L << 20;
  private static final long MAX_PICTURE = 64L << 20;

  private final SignatureCheck signatures;

  ManifestReader(SignatureCheck signatures) {
    this.signatures = signatures;
  }

  Credentials read(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      var head = in.readNBytes(8);
      if (Pictures.isJpeg(head) || Pictures.isPng(head)) {
        return readPicture(file);
      }
    }
    try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
      List<Bmff.Box> boxes;
      try {
        boxes = Bmff.topLevel(channel);
      } catch (Bmff.NotBmff e) {
        return Credentials.none();
      }
      List<Bmff.Box> stores;
      try {
        stores = Bmff.manifestBoxes(channel, boxes);
      } catch (Bmff.NotBmff e) {
        return invalid("The Content Credentials are damaged: " + e.getMessage() + ".");
      }
      if (stores.isEmpty()) {
        return Credentials.none();
      }
      if (stores.size() > 1) {
        return invalid("The file holds two sets of Content Credentials; neither can be trusted.");
      }
      byte[] store;
      try {
        store = Bmff.manifestStore(channel, stores.getFirst());
      } catch (MalformedManifest e) {
        return invalid("The Content Credentials are damaged: " + e.getMessage() + ".");
      }
      return verdict(
          store, (manifest, problems) -> BmffHash.matches(channel, boxes, manifest, problems));
    }
  }

  /**
   * Reads the credentials at the head of an MP4 as Kinora writes it (the C2PA box right after the
   * file type box) and checks their signature and statements, not the hash over the file.
   */
  Credentials readHead(InputStream in) throws IOException {
    var bytes = Bmff.manifestStoreAtHead(in, MAX_HEAD_BOX);
    return bytes.isEmpty() ? Credentials.none() : verdict(bytes.get(), null);
  }

  /**
   * A JPEG's or PNG's credentials, bound to the picture by a data hash ({@code c2pa.hash.data}):
   * the hash of the file without the byte ranges it excludes (where the manifest is).
   */
  private Credentials readPicture(Path file) throws IOException {
    if (Files.size(file) > MAX_PICTURE) {
      return invalid("The picture is too large for its credentials to be checked here.");
    }
    var bytes = Files.readAllBytes(file);
    try {
      var store = Pictures.isJpeg(bytes) ? Pictures.jpegStore(bytes) : Pictures.pngStore(bytes);
      return store.isEmpty()
          ? Credentials.none()
          : verdict(
              store.get(), (manifest, problems) -> DataHash.matches(bytes, manifest, problems));
    } catch (MalformedManifest e) {
      return invalid("The Content Credentials are damaged: " + e.getMessage() + ".");
    }
  }

  /** How a manifest is bound to the file's bytes; adds what fails to {@code problems}. */
  @FunctionalInterface
  interface Binding {
    boolean holds(ParsedManifest manifest, List<String> problems) throws IOException;
  }

  /**
   * The verdict on a manifest store: the active manifest's signature and statements, then its
   * binding to the file (none: the state is {@code SIGNED} at best). Bytes from anyone reach this
   * parser ({@code /verify}): whatever a damaged store makes it stumble on is a damaged store.
   */
  private Credentials verdict(byte[] storeBytes, Binding binding) throws IOException {
    try {
      var store = Jumbf.parse(storeBytes);
      if (!Jumbf.MANIFEST_STORE.equals(store.type())) {
        throw new MalformedManifest("the store has the wrong type");
      }
      var manifests = manifests(store);
      if (manifests.isEmpty()) {
        throw new MalformedManifest("the store holds no manifest");
      }
      var active = ParsedManifest.parse(manifests.getLast());
      var problems = new ArrayList<String>();
      var summary = summarise(active, store, problems, 0);
      boolean intact = summary.signatureValid() && problems.isEmpty();
      if (binding == null) {
        var state = intact ? Credentials.State.SIGNED : Credentials.State.INVALID;
        return new Credentials(state, summary, problems);
      }
      boolean bound = binding.holds(active, problems);
      var state = !intact
          ? Credentials.State.INVALID
          : bound ? Credentials.State.VALID : Credentials.State.CHANGED;
      return new Credentials(state, summary, problems);
    } catch (MalformedManifest e) {
      return invalid("The Content Credentials are damaged: " + e.getMessage() + ".");
    } catch (RuntimeException e) {
      log.debug("Unreadable Content Credentials", e);
      return invalid("The Content Credentials are damaged and cannot be read.");
    }
  }

  /** The manifests and update manifests of a store, oldest first. */
  static List<Jumbf.SuperBox> manifests(Jumbf.SuperBox store) {
    return store.superBoxes().stream()
        .filter(
            box -> Jumbf.MANIFEST.equals(box.type()) || Jumbf.UPDATE_MANIFEST.equals(box.type()))
        .toList();
  }

  private Credentials.Manifest summarise(
      ParsedManifest manifest, Jumbf.SuperBox store, List<String> problems, int depth) {
    var verdict = signatures.check(manifest);
    if (!verdict.valid()) {
      problems.add(
          depth == 0
              ? "The signature does not match the manifest: it was changed or forged."
              : "The signature of an ingredient's credentials does not hold.");
    }
    if (depth == 0) {
      for (var link : manifest.claimedAssertions()) {
        if (!manifest.linkHolds(link)) {
          problems.add("A statement in the manifest (" + ParsedManifest.labelOf(link)
              + ") was changed after it was signed.");
        }
      }
    }
    var ingredients = new ArrayList<Credentials.Ingredient>();
    for (var ingredient : manifest.assertions("c2pa.ingredient")) {
      ingredients.add(ingredient(ingredient, store, problems, depth));
    }
    var actions = new ArrayList<Credentials.Action>();
    for (var assertion : manifest.assertions("c2pa.actions")) {
      for (var action : assertion.path("actions")) {
        actions.add(new Credentials.Action(
            action.path("action").asString(""),
            text(action, "digitalSourceType"),
            action.path("softwareAgent").isObject()
                ? text(action.path("softwareAgent"), "name")
                : text(action, "softwareAgent"),
            text(action, "description")));
      }
    }
    var signedAt = verdict.timestamp().orElseGet(() -> manifest.statedTime().orElse(null));
    return new Credentials.Manifest(
        manifest.label(),
        manifest.generator(),
        verdict.signer(),
        signedAt,
        verdict.timestamp().isPresent(),
        actions,
        ingredients,
        verdict.valid());
  }

  private Credentials.Ingredient ingredient(
      JsonNode ingredient, Jumbf.SuperBox store, List<String> problems, int depth) {
    var reference = ingredient.has("activeManifest")
        ? ingredient.path("activeManifest")
        : ingredient.path("c2pa_manifest");
    Optional<Credentials.Manifest> manifest = Optional.empty();
    var url = text(reference, "url");
    if (url != null && url.startsWith("self#jumbf=/c2pa/") && depth < MAX_INGREDIENT_DEPTH) {
      var label = url.substring("self#jumbf=/c2pa/".length());
      var found = manifests(store).stream().filter(m -> label.equals(m.label())).findFirst();
      if (found.isEmpty()) {
        problems.add("An ingredient's credentials are missing from the file.");
      } else if (!hashMatches(reference, found.get().payload())) {
        problems.add("An ingredient's credentials were changed after they were referenced.");
      } else {
        manifest =
            Optional.of(summarise(ParsedManifest.parse(found.get()), store, problems, depth + 1));
      }
    }
    return new Credentials.Ingredient(
        text(ingredient, "dc:title"),
        text(ingredient, "dc:format"),
        text(ingredient, "relationship"),
        text(ingredient, "instanceID"),
        manifest);
  }

  private static boolean hashMatches(JsonNode link, byte[] payload) {
    var expected = link.path("hash");
    if (!expected.isBinary()) {
      return false;
    }
    var algorithm = link.path("alg").asString("sha256");
    return MessageDigest.isEqual(
        BmffHash.messageDigest(algorithm).digest(payload), expected.binaryValue());
  }

  static String text(JsonNode node, String field) {
    var value = node.path(field);
    return value.isString() ? value.asString() : null;
  }

  private static Credentials invalid(String problem) {
    return new Credentials(Credentials.State.INVALID, null, List.of(problem));
  }
}
