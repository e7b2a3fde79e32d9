package app.kinora.backup;

import java.time.Instant;

/**
 * One backup: its name, when its database snapshot was taken, where it is (a directory, or {@code
 * s3://bucket/prefix/name}: what {@code ./kinora restore} takes), and its checksum (the SHA-256 of
 * its {@code SHA256SUMS}, which lists every file of it).
 */
public record Backup(String name, Instant takenAt, String location, String checksum) {}
