package app.kinora.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One backup: its directory, when its database snapshot was taken, and its checksum (the SHA-256
 * of its {@code SHA256SUMS}, which lists every file of it).
 */
public record Backup(String name, Instant takenAt, Path directory, String checksum) {}
