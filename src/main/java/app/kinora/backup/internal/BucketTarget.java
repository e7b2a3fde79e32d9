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
import java.util.TreeSet;

/**
 * Backups in an S3 bucket ({@code kinora.backup.target=s3://bucket/prefix}): each is written on
 * the local disk, then uploaded under {@code <prefix>/kinora-<time>/}, its {@code CHECKSUM} last;
 * a backup without it (an upload cut short) is incomplete, never listed nor restored, and deleted
 * by a later backup once a day old. Objects go to {@code <prefix>/objects/}, once each.
 */
final class BucketTarget implements BackupTarget {

  /** How long an incomplete backup may stay (it may be one being uploaded right now). */
  static final java.time.Duration INCOMPLETE_KEPT = java.time.Duration.ofDays(1);

  private final BackupBucket bucket;
  private final Path work;

  /** @param work a local directory for backups being written and files being read */
  BucketTarget(BackupBucket bucket, Path work) {
    this.bucket = bucket;
    this.work = work;
  }

  @Override
  public ObjectShelf shelf() {
    return new ObjectShelf.InBucket(bucket);
  }

  @Override
  public Path staging(String name) throws IOException {
    var staged = work.resolve("staging").resolve(name);
    BackupLayout.deleteQuietly(staged);
    return Files.createDirectories(staged);
  }

  @Override
  public Path incoming() throws IOException {
    return Files.createDirectories(work.resolve("incoming"));
  }

  @Override
  public Path blobsOf(Backup backup) throws IOException {
    var local = work.resolve("lists").resolve(backup.name() + "-" + BackupLayout.BLOBS);
    bucket.download(backup.name() + "/" + BackupLayout.BLOBS, local);
    return local;
  }

  @Override
  public String publish(Path staged, String name) throws IOException {
    var files = new TreeSet<String>();
    try (var walk = Files.walk(staged)) {
      walk.filter(Files::isRegularFile)
          .forEach(file -> files.add(staged.relativize(file).toString().replace('\\', '/')));
    }
    files.remove(BackupLayout.CHECKSUM);
    for (var file : files) {
      bucket.upload(staged.resolve(file), name + "/" + file);
    }
    bucket.upload(staged.resolve(BackupLayout.CHECKSUM), name + "/" + BackupLayout.CHECKSUM);
    return bucket.location(name);
  }

  @Override
  public List<Backup> complete() throws IOException {
    var backups = new ArrayList<Backup>();
    for (var name : names(true)) {
      var description = new Properties();
      try (var in = bucket.open(name + "/" + BackupLayout.DESCRIPTION)) {
        description.load(in);
      }
      String checksum;
      try (var in = bucket.open(name + "/" + BackupLayout.CHECKSUM)) {
        checksum = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\s+")[0];
      }
      backups.add(new Backup(
          name,
          Instant.parse(description.getProperty("taken-at")),
          bucket.location(name),
          checksum));
    }
    backups.sort(Comparator.comparing(Backup::takenAt));
    return backups;
  }

  /** Deletes incomplete backups started before {@code cutoff}; returns how many. */
  int deleteIncompleteBefore(Instant cutoff) throws IOException {
    var complete = names(true);
    int deleted = 0;
    for (var name : names(false)) {
      if (!complete.contains(name) && startedBefore(name, cutoff)) {
        bucket.delete(bucket.list(name + "/"));
        deleted++;
      }
    }
    return deleted;
  }

  private static boolean startedBefore(String name, Instant cutoff) {
    try {
      return BackupWriter.takenAt(name).isBefore(cutoff);
    } catch (java.time.format.DateTimeParseException e) {
      return false; // not a name Kinora gives: not ours to delete
    }
  }

  /** The names of the backups in the bucket: only the complete ones, or all. */
  private TreeSet<String> names(boolean completeOnly) throws IOException {
    var names = new TreeSet<String>();
    for (var key : bucket.list("kinora-")) {
      var slash = key.indexOf('/');
      if (slash > 0 && (!completeOnly || key.substring(slash + 1).equals(BackupLayout.CHECKSUM))) {
        names.add(key.substring(0, slash));
      }
    }
    return names;
  }

  @Override
  public void delete(Backup backup) throws IOException {
    bucket.delete(List.of(backup.name() + "/" + BackupLayout.CHECKSUM));
    bucket.delete(bucket.list(backup.name() + "/"));
  }

  /**
   * Downloads the backup {@code name} (all but the objects) to the local disk for a restore.
   *
   * @throws IllegalStateException when it has no {@code CHECKSUM}: it never completed
   */
  Path fetch(String name) throws IOException {
    if (!bucket.exists(name + "/" + BackupLayout.CHECKSUM)) {
      throw new IllegalStateException(bucket.location(name)
          + " is not a complete backup: it has no CHECKSUM (its upload never finished).");
    }
    var local = work.resolve("fetched").resolve(name);
    BackupLayout.deleteQuietly(local);
    for (var key : bucket.list(name + "/")) {
      bucket.download(key, local.resolve(key.substring(name.length() + 1)));
    }
    return local;
  }

  @Override
  public void cleanUp(Path staged) {
    BackupLayout.deleteQuietly(staged);
    BackupLayout.deleteQuietly(work.resolve("lists"));
    BackupLayout.deleteQuietly(work.resolve("incoming"));
  }

  @Override
  public void close() {
    bucket.close();
  }
}
