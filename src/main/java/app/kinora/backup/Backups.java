package app.kinora.backup;

import java.util.List;

/** Takes, lists and checks backups (restore happens as a node starts: {@code kinora.backup.restore-from}). */
public interface Backups {

  /** Takes a backup now, then applies the retention; returns the new backup. */
  Backup create();

  /** The complete backups, oldest first. */
  List<Backup> list();
}
