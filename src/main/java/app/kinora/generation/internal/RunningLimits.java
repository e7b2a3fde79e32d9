package app.kinora.generation.internal;

import app.kinora.generation.Generation;
import app.kinora.provider.PlatformCapacity;
import app.kinora.safety.FairUse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a queued job may start now: its account has fewer videos running than its cap
 * ({@code kinora.safety.limits.running-per-account}), and one of its model's platforms has a place
 * ({@code kinora.provider.max-concurrent}). Asked inside the transaction that starts the job,
 * under a lock per account, so two nodes never both start an account's last allowed video. A job
 * that may not start stays queued and is looked at again shortly; other accounts' jobs go ahead.
 */
@Component
class RunningLimits {

  private final JdbcClient jdbc;
  private final FairUse fairUse;
  private final PlatformCapacity platforms;

  RunningLimits(JdbcClient jdbc, FairUse fairUse, PlatformCapacity platforms) {
    this.jdbc = jdbc;
    this.fairUse = fairUse;
    this.platforms = platforms;
  }

  /** Must run in the transaction that then starts the generation (the lock ends with it). */
  boolean allowStart(Generation generation) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
        .param("kinora.running:" + generation.owner())
        .query((rs, row) -> 1)
        .list();
    long running = jdbc.sql("""
            select count(*) from generations
             where user_id = ? and status = 'IN_PROGRESS' and id <> ?""")
        .param(generation.owner().value())
        .param(generation.id().value())
        .query(Long.class)
        .single();
    return running < fairUse.maxRunning(generation.owner())
        && platforms.hasRoomFor(generation.model());
  }
}
