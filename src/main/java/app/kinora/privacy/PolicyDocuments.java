package app.kinora.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The privacy policy and the terms, each a series of versions written in Markdown under
 * {@code classpath:legal/<document>/<version>.md} (versions are ISO dates, so they sort). A file
 * starts with a small header: {@code title}, {@code material} (whether users must be told) and a
 * one-line {@code summary} of what changed.
 */
@Service
public class PolicyDocuments {

  /** The documents Kinora publishes. */
  public static final List<String> DOCUMENTS = List.of("privacy", "terms");

  /** One version of one document, its Markdown still with placeholders. */
  public record Version(
      String document,
      String version,
      String title,
      boolean material,
      String summary,
      String markdown) {}

  private final Map<String, List<Version>> versions;

  PolicyDocuments() {
    this("classpath*:legal/*/*.md");
  }

  /** Reads the documents from elsewhere (tests publish versions of their own). */
  PolicyDocuments(String locationPattern) {
    this.versions = load(locationPattern);
  }

  /** Every version of the document, newest first. */
  public List<Version> versions(String document) {
    return versions.getOrDefault(document, List.of());
  }

  public Version current(String document) {
    var all = versions(document);
    if (all.isEmpty()) {
      throw new IllegalStateException("No version of the " + document + " document is published");
    }
    return all.getFirst();
  }

  public Optional<Version> find(String document, String version) {
    return versions(document).stream().filter(v -> v.version().equals(version)).findFirst();
  }

  /** The newest version of the document that was marked material, if any. */
  public Optional<Version> latestMaterial(String document) {
    return versions(document).stream().filter(Version::material).findFirst();
  }

  private static Map<String, List<Version>> load(String locationPattern) {
    try {
      var resolver = new PathMatchingResourcePatternResolver();
      var byDocument = new TreeMap<String, List<Version>>();
      for (var resource : resolver.getResources(locationPattern)) {
        var url = resource.getURL().toString();
        var parts = url.split("/");
        var document = parts[parts.length - 2];
        var version = parts[parts.length - 1].replaceFirst("\\.md$", "");
        var text = new String(resource.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        byDocument
            .computeIfAbsent(document, d -> new ArrayList<>())
            .add(parse(document, version, text));
      }
      return byDocument.entrySet().stream()
          .collect(Collectors.toUnmodifiableMap(
              Map.Entry::getKey,
              e -> e.getValue().stream()
                  .sorted(Comparator.comparing(Version::version).reversed())
                  .toList()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the policy documents", e);
    }
  }

  /** Splits the {@code ---} header from the body. */
  private static Version parse(String document, String version, String text) {
    var header = new TreeMap<String, String>();
    var body = text;
    if (text.startsWith("---\n")) {
      int end = text.indexOf("\n---\n", 4);
      for (var line : text.substring(4, end).split("\n")) {
        int colon = line.indexOf(':');
        header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
      body = text.substring(end + 5);
    }
    return new Version(
        document,
        version,
        header.getOrDefault("title", document),
        Boolean.parseBoolean(header.getOrDefault("material", "false")),
        header.getOrDefault("summary", ""),
        body);
  }
}
