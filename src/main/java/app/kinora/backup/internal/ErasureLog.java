package app.kinora.backup.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * Erasures and deletions as small files outside the database and outside every backup, one per
 * fact, named by what was erased (so that writing one twice changes nothing): ids and keys, no
 * personal data. They are replayed after a restore, so that a backup never brings back what was
 * erased after it was taken, and pruned once every retained backup is newer than them.
 */
final class ErasureLog {

  /** One fact: what was erased and when; {@code owner} and {@code keys} only where they apply. */
  record Entry(String kind, String id, String owner, List<String> keys, Instant at) {

    String name() {
      return kind + "-" + id;
    }
  }

  private final Path directory;

  ErasureLog(Path directory) {
    this.directory = directory;
  }

  /** Writes the entry durably unless one of its name is there already. */
  void append(Entry entry) throws IOException {
    Files.createDirectories(directory);
    var properties = new Properties();
    properties.setProperty("kind", entry.kind());
    properties.setProperty("id", entry.id());
    if (entry.owner() != null) {
      properties.setProperty("owner", entry.owner());
    }
    properties.setProperty("keys", String.join(",", entry.keys()));
    properties.setProperty("at", entry.at().toString());
    var file = directory.resolve(entry.name() + ".properties");
    try (var channel = java.nio.channels.FileChannel.open(
            file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        var out = java.nio.channels.Channels.newOutputStream(channel)) {
      properties.store(out, null);
      channel.force(true);
    } catch (FileAlreadyExistsException e) {
      // written before: the fact is the same
    }
  }

  /** Every entry, oldest first. */
  List<Entry> entries() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    var entries = new ArrayList<Entry>();
    try (var files = Files.list(directory)) {
      for (var file : (Iterable<Path>) files::iterator) {
        if (file.getFileName().toString().endsWith(".properties")) {
          entries.add(read(file));
        }
      }
    }
    entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::name));
    return entries;
  }

  /** Deletes the entries older than {@code before}; returns how many. */
  int prune(Instant before) throws IOException {
    int pruned = 0;
    for (var entry : entries()) {
      if (entry.at().isBefore(before)
          && Files.deleteIfExists(directory.resolve(entry.name() + ".properties"))) {
        pruned++;
      }
    }
    return pruned;
  }

  private static Entry read(Path file) throws IOException {
    var properties = new Properties();
    try (var in = Files.newInputStream(file)) {
      properties.load(in);
    }
    var keys = properties.getProperty("keys", "");
    return new Entry(
        properties.getProperty("kind"),
        properties.getProperty("id"),
        properties.getProperty("owner"),
        keys.isEmpty() ? List.of() : List.of(keys.split(",")),
        Instant.parse(properties.getProperty("at")));
  }
}
