package app.kinora.backup.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies the blob store's objects into {@code objects/} by their SHA-256, so that an object is
 * copied once however many backups list it, and an object rewritten under the same key never
 * changes an older backup. {@code blobs.tsv} lists each backup's objects: SHA-256, size, key. An
 * object whose key and size the previous backup listed, not modified since, is not read again.
 */
final class ObjectCopy {

  /** Only media's own objects: health probes and short-lived export archives are not kept. */
  static final List<String> PREFIXES = List.of("videos/", "uploads/");

  record Copied(long count, long bytes, long copied) {}

  private record Listed(String sha256, long bytes, String key) {}

  private final BlobStore store;
  private final Path objects;

  ObjectCopy(BlobStore store, Path objects) {
    this.store = store;
    this.objects = objects;
  }

  Copied copyAll(Path previousList, Path backup) throws IOException {
    var previous = read(previousList);
    var previousTakenAt = previousList == null
        ? java.time.Instant.EPOCH
        : java.time.Instant.parse(
            BackupLayout.describe(previousList.getParent()).getProperty("taken-at"));
    Files.createDirectories(objects.resolve(".incoming"));
    var list = new StringBuilder();
    long[] totals = new long[3];
    for (var prefix : PREFIXES) {
      store.list(prefix, blob -> {
        try {
          var known = previous.get(blob.key().value());
          String sha256;
          if (known != null
              && known.bytes() == blob.bytes()
              && blob.lastModified().isBefore(previousTakenAt)
              && Files.exists(pathOf(known.sha256()))) {
            sha256 = known.sha256();
          } else {
            sha256 = copy(blob.key());
            totals[2]++;
          }
          list.append(sha256)
              .append('\t')
              .append(blob.bytes())
              .append('\t')
              .append(blob.key())
              .append('\n');
          totals[0]++;
          totals[1] += blob.bytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    Files.writeString(BackupLayout.blobs(backup), list, StandardCharsets.UTF_8);
    return new Copied(totals[0], totals[1], totals[2]);
  }

  /** Reads the object through its checksum into {@code objects/}; returns the checksum. */
  private String copy(BlobKey key) throws IOException {
    var resource = store.open(key).orElse(null);
    if (resource == null) {
      throw new IOException("the object " + key + " disappeared while it was copied");
    }
    var incoming = Files.createTempFile(objects.resolve(".incoming"), "object", ".part");
    try {
      String sha256;
      try (var in = resource.getInputStream();
          var out = Files.newOutputStream(incoming)) {
        sha256 = Checksums.copy(in, out);
      }
      var target = pathOf(sha256);
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
      }
      return sha256;
    } finally {
      Files.deleteIfExists(incoming);
    }
  }

  /** Puts every object the backup lists back into the store, checking each checksum first. */
  int restore(Path backup, Path scratch) throws IOException {
    int restored = 0;
    for (var listed : read(BackupLayout.blobs(backup)).values()) {
      var copy = Files.createTempFile(Files.createDirectories(scratch), "restore", ".part");
      try {
        String sha256;
        try (var in = Files.newInputStream(pathOf(listed.sha256()));
            var out = Files.newOutputStream(copy)) {
          sha256 = Checksums.copy(in, out);
        }
        if (!sha256.equals(listed.sha256())) {
          throw new IllegalStateException(
              "the object for " + listed.key() + " is damaged: its checksum differs");
        }
        store.put(new BlobKey(listed.key()), copy);
        restored++;
      } finally {
        Files.deleteIfExists(copy);
      }
    }
    return restored;
  }

  /** Deletes the objects that none of the lists name. */
  static void removeUnlisted(Path objects, List<Path> lists) throws IOException {
    if (!Files.isDirectory(objects)) {
      return;
    }
    Set<String> wanted = new HashSet<>();
    for (var list : lists) {
      read(list).values().forEach(listed -> wanted.add(listed.sha256()));
    }
    try (var files = Files.walk(objects)) {
      for (var file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        if (!file.getParent().getFileName().toString().equals(".incoming")
            && !wanted.contains(file.getFileName().toString())) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private Path pathOf(String sha256) {
    return objects.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  private static Map<String, Listed> read(Path list) throws IOException {
    var listed = new HashMap<String, Listed>();
    if (list == null || !Files.exists(list)) {
      return listed;
    }
    for (var line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        var parts = line.split("\t");
        listed.put(parts[2], new Listed(parts[0], Long.parseLong(parts[1]), parts[2]));
      }
    }
    return listed;
  }
}
