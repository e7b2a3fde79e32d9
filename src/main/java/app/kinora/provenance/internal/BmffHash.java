package app.kinora.provenance.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The hard binding of a manifest to an MP4 ({@code c2pa.hash.bmff.v3}): a hash of the file without
 * the excluded top-level boxes, where each top-level box that is hashed is preceded by its offset
 * as eight big-endian bytes, so that boxes cannot be moved around unnoticed.
 */
final class BmffHash {

  static final String LABEL = "c2pa.hash.bmff.v3";
  private static final Pattern TOP_LEVEL = Pattern.compile("/([a-zA-Z0-9 ]{4})(?:\\[(\\d+)])?");

  /** The C2PA box itself, the file type box and the movie fragment random access box. */
  static final List<Exclusion> STANDARD = List.of(
      new Exclusion("/uuid", List.of(new DataMatch(8, Bmff.C2PA_USER_TYPE)), List.of()),
      new Exclusion("/ftyp", List.of(), List.of()),
      new Exclusion("/mfra", List.of(), List.of()));

  private BmffHash() {}

  record DataMatch(long offset, byte[] value) {}

  record Subset(long offset, long length) {}

  record Exclusion(String xpath, List<DataMatch> data, List<Subset> subsets) {}

  private record Range(long start, long length, boolean marker) {}

  /**
   * Hashes the file as the exclusions say.
   *
   * @throws UnsupportedOperationException for exclusions below the top level, which Kinora's
   *     reader does not resolve
   */
  static byte[] compute(
      FileChannel file, List<Bmff.Box> boxes, List<Exclusion> exclusions, String algorithm)
      throws IOException {
    var ranges = new ArrayList<Range>();
    var hashedWhole = new ArrayList<>(boxes);
    for (var exclusion : exclusions) {
      for (var box : matching(file, boxes, exclusion)) {
        if (exclusion.subsets().isEmpty()) {
          hashedWhole.remove(box);
          ranges.add(new Range(box.offset(), box.size(), false));
        } else {
          for (var subset : exclusion.subsets()) {
            if (subset.offset() <= box.size()) {
              long length = subset.length() == 0
                  ? box.size() - subset.offset()
                  : Math.min(subset.length(), box.size() - subset.offset());
              ranges.add(new Range(box.offset() + subset.offset(), length, false));
            }
          }
        }
      }
    }
    hashedWhole.forEach(box -> ranges.add(new Range(box.offset(), 0, true)));
    ranges.sort(Comparator.comparingLong(Range::start).thenComparing(r -> !r.marker()));
    return digest(file, ranges, algorithm);
  }

  private static byte[] digest(FileChannel file, List<Range> ranges, String algorithm)
      throws IOException {
    var digest = messageDigest(algorithm);
    var buffer = ByteBuffer.allocate(1 << 20);
    long position = 0;
    for (var range : ranges) {
      if (range.start() > position) {
        update(digest, file, buffer, position, range.start());
        position = range.start();
      }
      if (range.marker()) {
        digest.update(ByteBuffer.allocate(8).putLong(range.start()).array());
      } else {
        position = Math.max(position, range.start() + range.length());
      }
    }
    update(digest, file, buffer, position, file.size());
    return digest.digest();
  }

  private static void update(
      MessageDigest digest, FileChannel file, ByteBuffer buffer, long from, long to)
      throws IOException {
    long position = from;
    while (position < to) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), to - position));
      int read = file.read(buffer, position);
      if (read < 0) {
        throw new IOException("the file ended while it was hashed");
      }
      digest.update(buffer.flip());
      position += read;
    }
  }

  private static List<Bmff.Box> matching(
      FileChannel file, List<Bmff.Box> boxes, Exclusion exclusion) throws IOException {
    var path = TOP_LEVEL.matcher(exclusion.xpath());
    if (!path.matches()) {
      throw new UnsupportedOperationException(
          "exclusion below the top level: " + exclusion.xpath());
    }
    var candidates =
        boxes.stream().filter(box -> box.type().equals(path.group(1))).toList();
    if (path.group(2) != null) {
      int index = Integer.parseInt(path.group(2));
      candidates = index < candidates.size() ? List.of(candidates.get(index)) : List.of();
    }
    var matching = new ArrayList<Bmff.Box>();
    for (var box : candidates) {
      if (dataMatches(file, box, exclusion.data())) {
        matching.add(box);
      }
    }
    return matching;
  }

  private static boolean dataMatches(FileChannel file, Bmff.Box box, List<DataMatch> data)
      throws IOException {
    for (var match : data) {
      if (match.offset() + match.value().length > box.size()) {
        return false;
      }
      var actual =
          Bmff.read(file, box.offset() + match.offset(), match.value().length).array();
      if (!Arrays.equals(actual, match.value())) {
        return false;
      }
    }
    return true;
  }

  static MessageDigest messageDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(
          switch (algorithm) {
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> throw new MalformedManifest("unknown hash algorithm " + algorithm);
          });
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The assertion's CBOR map. */
  static Map<String, Object> assertion(byte[] hash) {
    var exclusions = new ArrayList<Object>();
    for (var exclusion : STANDARD) {
      var map = new LinkedHashMap<String, Object>();
      map.put("xpath", exclusion.xpath());
      if (!exclusion.data().isEmpty()) {
        map.put(
            "data",
            exclusion.data().stream()
                .map(d -> {
                  var match = new LinkedHashMap<String, Object>();
                  match.put("offset", (int) d.offset());
                  match.put("value", d.value());
                  return (Object) match;
                })
                .toList());
      }
      exclusions.add(map);
    }
    var assertion = new LinkedHashMap<String, Object>();
    assertion.put("exclusions", exclusions);
    assertion.put("alg", "sha256");
    assertion.put("hash", hash);
    assertion.put("name", "jumbf manifest");
    return assertion;
  }

  /** The exclusions of an assertion read from a file. */
  static List<Exclusion> exclusions(JsonNode assertion) {
    var exclusions = new ArrayList<Exclusion>();
    for (var node : assertion.path("exclusions")) {
      var xpath = node.path("xpath").asString("");
      if (xpath.isEmpty()) {
        throw new MalformedManifest("a hash exclusion has no path");
      }
      var data = new ArrayList<DataMatch>();
      for (var match : node.path("data")) {
        data.add(
            new DataMatch(match.path("offset").asLong(), match.path("value").binaryValue()));
      }
      var subsets = new ArrayList<Subset>();
      for (var subset : node.path("subset")) {
        subsets.add(
            new Subset(subset.path("offset").asLong(), subset.path("length").asLong()));
      }
      if (node.hasNonNull("length") || node.hasNonNull("version") || node.hasNonNull("flags")) {
        throw new UnsupportedOperationException("exclusion conditions Kinora does not check");
      }
      exclusions.add(new Exclusion(xpath, data, subsets));
    }
    return exclusions;
  }

  /** Whether the manifest's BMFF hash matches the file; what fails goes to {@code problems}. */
  static boolean matches(
      FileChannel channel, List<Bmff.Box> boxes, ParsedManifest manifest, List<String> problems)
      throws IOException {
    var bindings = manifest.assertions("c2pa.hash.bmff");
    if (bindings.size() != 1) {
      problems.add("The manifest does not bind itself to the file's contents.");
      return false;
    }
    var binding = bindings.getFirst();
    try {
      var hash = compute(
          channel,
          boxes,
          exclusions(binding),
          binding.path("alg").asString(manifest.defaultAlgorithm()));
      if (!binding.path("hash").isBinary()
          || !MessageDigest.isEqual(hash, binding.path("hash").binaryValue())) {
        problems.add("The file was changed after it was signed.");
        return false;
      }
      return true;
    } catch (UnsupportedOperationException e) {
      problems.add("The manifest binds the file in a way Kinora cannot check.");
      return false;
    }
  }
}
