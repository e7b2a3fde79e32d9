package app.kinora;

import app.kinora.backup.BackupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Kinora: a self-hostable AI video generation service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KinoraApplication {

  public static void main(String[] args) {
    if (BackupCommand.handles(args)) {
      System.exit(BackupCommand.run(KinoraApplication.class, args));
    }
    SpringApplication.run(KinoraApplication.class, args);
  }
}
