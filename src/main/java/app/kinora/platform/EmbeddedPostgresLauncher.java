package app.kinora.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL server on a persistent data directory.
 *
 * <p>If the previous Kinora process was killed (kill -9, power loss), its PostgreSQL child may
 * still be running and holding the data directory. A file lock held for the life of this process
 * proves that no other Kinora uses the directory, so such an orphan can be stopped safely.
 */
final class EmbeddedPostgresLauncher {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

  private final Path directory;

  EmbeddedPostgresLauncher(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  /**
   * A server this process started, and its claim on the directory: released when the server
   * stops, so that a later server in the same process (a restarted application) can claim it.
   */
  record Running(EmbeddedPostgres server, FileLock claim) implements java.io.Closeable {

    @Override
    public void close() throws IOException {
      try {
        server.close();
      } finally {
        claim.channel().close(); // closing the channel releases the lock
      }
    }
  }

  Running start() throws IOException {
    Files.createDirectories(directory);
    var claim = claimDirectory();
    try {
      stopOrphanedServer();
      return new Running(startServer(), claim);
    } catch (IOException | RuntimeException e) {
      claim.channel().close();
      throw e;
    }
  }

  private EmbeddedPostgres startServer() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(directory)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "200")
        // zonky's defaults trade durability for test speed; Kinora's data must survive a crash
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .start();
  }

  /**
   * The port of the server a running Kinora node started on this directory, if one runs: for a
   * command ({@code ./kinora backup}) that must use the node's server rather than start its own.
   */
  java.util.Optional<Integer> portOfRunningServer() throws IOException {
    if (!Files.exists(directory.resolveSibling("postgres.lock"))) {
      return java.util.Optional.empty();
    }
    try (var channel =
        FileChannel.open(directory.resolveSibling("postgres.lock"), StandardOpenOption.WRITE)) {
      var lock = channel.tryLock();
      if (lock != null) {
        lock.release();
        return java.util.Optional.empty(); // nobody holds it: no node runs here
      }
    } catch (java.nio.channels.OverlappingFileLockException e) {
      // this very process runs the server: read its port below
    }
    var lines = Files.readAllLines(directory.resolve("postmaster.pid"));
    return java.util.Optional.of(Integer.parseInt(lines.get(3).trim())); // 4th line: the port
  }

  /**
   * Held while the server runs (the {@link Running} that keeps it referenced releases it); the
   * operating system releases it even after kill -9.
   */
  @SuppressWarnings("resource")
  private FileLock claimDirectory() throws IOException {
    var channel = FileChannel.open(
        directory.resolveSibling("postgres.lock"),
        StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null; // this very process already runs a server there
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(
          "Another Kinora process is using the data directory " + directory.getParent());
    }
    return lock;
  }

  private void stopOrphanedServer() {
    var pidFile = directory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
      ProcessHandle.of(pid)
          .filter(process -> process.info().command().orElse("").contains("postgres"))
          .ifPresent(this::stop);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      log.warn("Ignoring unreadable {}: {}", pidFile, e.getMessage());
    }
  }

  private void stop(ProcessHandle orphan) {
    log.warn("Stopping PostgreSQL {} left running by a previous Kinora process", orphan.pid());
    orphan.destroy();
    try {
      orphan.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      orphan.destroyForcibly();
    }
  }
}
