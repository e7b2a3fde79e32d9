package app.kinora.backup.internal;

import app.kinora.backup.Backup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.util.FileSystemUtils;

/**
 * The backup directory: {@code kinora-<time>/} per backup ({@code database/<table>.copy.gz},
 * {@code blobs.tsv}, {@code backup.properties}, {@code SHA256SUMS}, {@code CHECKSUM}) and {@code
 * objects/}, the blob store's objects by their SHA-256, shared by all backups.
 */
final class BackupLayout {

  static final String DATABASE = "database";
  static final String BLOBS = "blobs.tsv";
  static final String DESCRIPTION = "backup.properties";
  static final String SUMS = "SHA256SUMS";
  static final String CHECKSUM = "CHECKSUM";

  private BackupLayout() {}

  static Path blobs(Path backup) {
    return backup.resolve(BLOBS);
  }

  /** Lists every file's SHA-256 in {@code SHA256SUMS} and its own in {@code CHECKSUM}; returns that. */
  static String writeChecksums(Path backup) throws IOException {
    var sums = new StringBuilder();
    for (var entry : sumsOf(backup).entrySet()) {
      sums.append(entry.getValue()).append("  ").append(entry.getKey()).append('\n');
    }
    Files.writeString(backup.resolve(SUMS), sums);
    var checksum = Checksums.of(backup.resolve(SUMS));
    Files.writeString(backup.resolve(CHECKSUM), checksum + "  " + SUMS + "\n");
    return checksum;
  }

  /**
   * Checks the backup's files against its checksums.
   *
   * @throws IllegalStateException naming the first file that differs
   */
  static String verify(Path backup) throws IOException {
    var checksum = Files.readString(backup.resolve(CHECKSUM)).split("\\s+")[0];
    if (!Checksums.of(backup.resolve(SUMS)).equals(checksum)) {
      throw new IllegalStateException(
          backup.getFileName() + ": SHA256SUMS does not match CHECKSUM");
    }
    var listed = new TreeMap<String, String>();
    for (var line : Files.readAllLines(backup.resolve(SUMS), StandardCharsets.UTF_8)) {
      var parts = line.split("  ", 2);
      listed.put(parts[1], parts[0]);
    }
    var actual = sumsOf(backup);
    if (!actual.equals(listed)) {
      var differing = actual.keySet().stream()
          .filter(file -> !actual.get(file).equals(listed.get(file)))
          .findFirst()
          .orElse("a file listed in SHA256SUMS is missing");
      throw new IllegalStateException(backup.getFileName() + ": checksum differs for " + differing);
    }
    return checksum;
  }

  private static TreeMap<String, String> sumsOf(Path backup) throws IOException {
    var sums = new TreeMap<String, String>();
    try (var files = Files.walk(backup)) {
      for (var file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        var name = backup.relativize(file).toString().replace('\\', '/');
        if (!name.equals(SUMS) && !name.equals(CHECKSUM)) {
          sums.put(name, Checksums.of(file));
        }
      }
    }
    return sums;
  }

  /** The complete backups under the root (those with a checksum), oldest first. */
  static List<Backup> complete(Path root) throws IOException {
    var backups = new ArrayList<Backup>();
    if (!Files.isDirectory(root)) {
      return backups;
    }
    try (var children = Files.list(root)) {
      for (var child : (Iterable<Path>) children::iterator) {
        var name = child.getFileName().toString();
        if (name.startsWith("kinora-") && Files.isRegularFile(child.resolve(CHECKSUM))) {
          var description = describe(child);
          backups.add(new Backup(
              name,
              Instant.parse(description.getProperty("taken-at")),
              child.toString(),
              Files.readString(child.resolve(CHECKSUM)).split("\\s+")[0]));
        }
      }
    }
    backups.sort(Comparator.comparing(Backup::takenAt));
    return backups;
  }

  static Properties describe(Path backup) throws IOException {
    var description = new Properties();
    try (var in = Files.newInputStream(backup.resolve(DESCRIPTION))) {
      description.load(in);
    }
    return description;
  }

  static void deleteQuietly(Path directory) {
    try {
      FileSystemUtils.deleteRecursively(directory);
    } catch (IOException ignored) {
      // a leftover partial directory is ignored by every reader and removed by the next backup
    }
  }
}
