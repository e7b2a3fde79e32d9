package app.kinora.backup.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies the blob store's objects onto the target's shelf by their SHA-256, so that an object is
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
  private final ObjectShelf shelf;
  private final Path incoming;

  /** @param incoming where objects wait, on a local disk, until their checksum is known */
  ObjectCopy(BlobStore store, ObjectShelf shelf, Path incoming) {
    this.store = store;
    this.shelf = shelf;
    this.incoming = incoming;
  }

  /**
   * @param previousList the {@code blobs.tsv} of the newest backup (null when none)
   * @param previousTakenAt when that backup was taken
   */
  Copied copyAll(Path previousList, java.time.Instant previousTakenAt, Path backup)
      throws IOException {
    var previous = read(previousList);
    Files.createDirectories(incoming);
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
              && shelf.has(known.sha256())) {
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
    var part = Files.createTempFile(incoming, "object", ".part");
    try {
      String sha256;
      try (var in = resource.getInputStream();
          var out = Files.newOutputStream(part)) {
        sha256 = Checksums.copy(in, out);
      }
      shelf.add(sha256, part);
      return sha256;
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /** Puts every object the backup lists back into the store, checking each checksum first. */
  int restore(Path backup, Path scratch) throws IOException {
    int restored = 0;
    for (var listed : read(BackupLayout.blobs(backup)).values()) {
      var copy = Files.createTempFile(Files.createDirectories(scratch), "restore", ".part");
      try {
        String sha256;
        try (var in = shelf.open(listed.sha256());
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

  /** The SHA-256 of every object the lists name. */
  static Set<String> listedIn(List<Path> lists) throws IOException {
    Set<String> listed = new HashSet<>();
    for (var list : lists) {
      read(list).values().forEach(object -> listed.add(object.sha256()));
    }
    return listed;
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
