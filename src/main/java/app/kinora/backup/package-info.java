/**
 * Backups: a consistent copy of the database and of the blob store into a backup directory, with
 * a checksum per file and per backup and retention in days; restore into an empty database and
 * store; and the erasure log, replayed after every restore, so that a backup never brings back an
 * erased account or a deleted video. See {@code docs/operations.md}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "media", "generation", "privacy"})
package app.kinora.backup;
