package app.kinora.generation;

import app.kinora.shared.UserId;

/**
 * How urgent an account's generations are, as db-scheduler's priority of their jobs (higher first;
 * {@link #NORMAL} for everyone unless a bean of this type says otherwise — the operator console's
 * per-account priority is meant to implement it). Read once, when the job is queued.
 */
public interface JobPriority {

  int HIGH = com.github.kagkarlsson.scheduler.task.Priority.HIGH;
  int NORMAL = com.github.kagkarlsson.scheduler.task.Priority.MEDIUM;
  int LOW = com.github.kagkarlsson.scheduler.task.Priority.LOW;

  int of(UserId owner);
}
