package app.kinora.provenance.internal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The hard binding of a manifest to a picture: {@code c2pa.hash.data} with excluded ranges. */
final class DataHash {

  private DataHash() {}

  private record Range(long start, long length) {}

  static boolean matches(byte[] file, ParsedManifest manifest, List<String> problems) {
    var bindings = manifest.assertions("c2pa.hash.data");
    if (bindings.size() != 1) {
      problems.add("The manifest does not bind itself to the file's contents.");
      return false;
    }
    var binding = bindings.getFirst();
    var ranges = new ArrayList<Range>();
    for (var exclusion : binding.path("exclusions")) {
      ranges.add(
          new Range(exclusion.path("start").asLong(), exclusion.path("length").asLong()));
    }
    ranges.sort(Comparator.comparingLong(Range::start));
    var digest = BmffHash.messageDigest(binding.path("alg").asString(manifest.defaultAlgorithm()));
    long position = 0;
    for (var range : ranges) {
      if (range.start() < position || range.start() + range.length() > file.length) {
        problems.add("The manifest's hash covers the file in a way that does not fit it.");
        return false;
      }
      digest.update(file, (int) position, (int) (range.start() - position));
      position = range.start() + range.length();
    }
    digest.update(file, (int) position, (int) (file.length - position));
    if (!binding.path("hash").isBinary()
        || !MessageDigest.isEqual(digest.digest(), binding.path("hash").binaryValue())) {
      problems.add("The file was changed after it was signed.");
      return false;
    }
    return true;
  }
}
