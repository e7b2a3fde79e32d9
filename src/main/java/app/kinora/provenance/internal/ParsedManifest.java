package app.kinora.provenance.internal;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** One manifest of a store, its parts found: claim, assertion store and signature. */
record ParsedManifest(
    Jumbf.SuperBox box,
    byte[] claimBytes,
    JsonNode claim,
    Jumbf.SuperBox assertionStore,
    byte[] signature) {

  static ParsedManifest parse(Jumbf.SuperBox box) {
    var claims = box.children(Jumbf.CLAIM);
    if (claims.size() != 1) {
      throw new MalformedManifest("a manifest must have one claim");
    }
    var claimBytes = claims
        .getFirst()
        .content("cbor")
        .orElseThrow(() -> new MalformedManifest("the claim is empty"));
    var stores = box.children(Jumbf.ASSERTION_STORE);
    var signatures = box.children(Jumbf.SIGNATURE);
    if (stores.size() != 1 || signatures.size() != 1) {
      throw new MalformedManifest("a manifest must have one assertion store and one signature");
    }
    var signature = signatures
        .getFirst()
        .content("cbor")
        .orElseThrow(() -> new MalformedManifest("the signature is empty"));
    JsonNode claim;
    try {
      claim = Cbor.decode(claimBytes);
    } catch (RuntimeException e) {
      throw new MalformedManifest("the claim is not CBOR");
    }
    if (!claim.isObject()) {
      throw new MalformedManifest("the claim is not a map");
    }
    return new ParsedManifest(box, claimBytes, claim, stores.getFirst(), signature);
  }

  String label() {
    return box.label();
  }

  String defaultAlgorithm() {
    return claim.path("alg").asString("sha256");
  }

  /** {@code Name/version} from the claim generator info (v2) or the claim generator (v1). */
  String generator() {
    var info = claim.path("claim_generator_info");
    if (info.isArray()) {
      info = info.path(0);
    }
    if (info.isObject() && info.path("name").isString()) {
      var version = info.path("version");
      return info.path("name").asString() + (version.isString() ? "/" + version.asString() : "");
    }
    return claim.path("claim_generator").asString("an unnamed tool");
  }

  /** The hashed links to the assertions the claim vouches for. */
  List<JsonNode> claimedAssertions() {
    var links = new ArrayList<JsonNode>();
    for (var field : List.of("created_assertions", "gathered_assertions", "assertions")) {
      claim.path(field).forEach(links::add);
    }
    return links;
  }

  boolean linkHolds(JsonNode link) {
    var box = resolve(link.path("url").asString(""));
    var expected = link.path("hash");
    if (box.isEmpty() || !expected.isBinary()) {
      return false;
    }
    var algorithm = link.path("alg").asString(defaultAlgorithm());
    return MessageDigest.isEqual(
        BmffHash.messageDigest(algorithm).digest(box.get().payload()), expected.binaryValue());
  }

  private Optional<Jumbf.SuperBox> resolve(String url) {
    var prefix = "self#jumbf=";
    if (!url.startsWith(prefix)) {
      return Optional.empty();
    }
    var path = url.substring(prefix.length());
    var own = "/c2pa/" + label() + "/";
    if (path.startsWith(own)) {
      path = path.substring(own.length());
    }
    if (!path.startsWith(ManifestWriter.ASSERTIONS + "/")) {
      return Optional.empty();
    }
    return assertionStore.child(path.substring(ManifestWriter.ASSERTIONS.length() + 1));
  }

  static String labelOf(JsonNode link) {
    var url = link.path("url").asString("");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** The decoded assertions whose label starts with {@code prefix}, in store order. */
  List<JsonNode> assertions(String prefix) {
    var found = new ArrayList<JsonNode>();
    for (var assertion : assertionStore.superBoxes()) {
      if (assertion.label() != null && assertion.label().startsWith(prefix)) {
        assertion.content("cbor").ifPresent(bytes -> {
          try {
            found.add(Cbor.decode(bytes));
          } catch (RuntimeException e) {
            throw new MalformedManifest("the assertion " + assertion.label() + " is not CBOR");
          }
        });
      }
    }
    return found;
  }

  /** The time the first action states, when it states one. */
  Optional<Instant> statedTime() {
    for (var assertion : assertions("c2pa.actions")) {
      for (var action : assertion.path("actions")) {
        if (action.path("when").isString()) {
          try {
            return Optional.of(Instant.parse(action.path("when").asString()));
          } catch (DateTimeParseException e) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.empty();
  }
}
