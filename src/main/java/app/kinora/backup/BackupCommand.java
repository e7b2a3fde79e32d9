package app.kinora.backup;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code ./kinora backup} and {@code ./kinora restore <backup>}: Kinora started without its web
 * server and job workers, on the same settings as the node, to do one thing and exit. With the
 * embedded database, a backup taken while the node runs reads from the node's server.
 */
public final class BackupCommand {

  private BackupCommand() {}

  public static boolean handles(String[] args) {
    return args.length > 0 && List.of("backup", "restore").contains(args[0]);
  }

  /** Runs the command; returns the process's exit code. */
  public static int run(Class<?> application, String[] args) {
    var rest = Arrays.copyOfRange(args, 1, args.length);
    // as command-line arguments, above application.yml: a web application context (the modules'
    // web beans need it) that listens on no port, and no job workers
    var settings = new java.util.ArrayList<>(
        List.of("--server.port=-1", "--kinora.node.roles=web", "--kinora.command=" + args[0]));
    if (args[0].equals("restore")) {
      if (rest.length == 0 || rest[0].startsWith("--")) {
        System.err.println(
            "usage: ./kinora restore <backup directory | s3://bucket/prefix/kinora-…> [--setting=value ...]");
        return 2;
      }
      var from = rest[0].startsWith("s3://")
          ? rest[0]
          : Path.of(rest[0]).toAbsolutePath().normalize().toString();
      settings.add("--kinora.backup.restore-from=" + from);
      rest = Arrays.copyOfRange(rest, 1, rest.length);
    }
    settings.addAll(List.of(rest));
    var builder = new SpringApplicationBuilder(application);
    try (var context = builder.run(settings.toArray(String[]::new))) {
      if (args[0].equals("backup")) {
        var backup = context.getBean(Backups.class).create();
        System.out.println("Backup " + backup.location() + " (checksum " + backup.checksum() + ")");
      } else {
        System.out.println(
            "Restored " + context.getEnvironment().getProperty("kinora.backup.restore-from"));
      }
      return 0;
    }
  }
}
