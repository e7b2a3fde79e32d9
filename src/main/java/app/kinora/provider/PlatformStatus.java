package app.kinora.provider;

import java.util.List;
import java.util.Map;

/** How each platform fares on this node, and which routes each model alias runs on, for operators. */
public interface PlatformStatus {

  List<Platform> platforms();

  /** Each configured model alias with its routes ({@code platform:model}) in order. */
  Map<String, List<String>> routes();

  /**
   * The routes whose platform is configured but does not offer the model they name (retired by
   * the platform, or mistyped): requests go to the alias's other routes.
   */
  List<UnknownRoute> unknownRoutes();

  /**
   * Stops sending new jobs to the platform, on every node; jobs already there are followed to
   * their end, and the routes after it take the new ones.
   *
   * @throws IllegalArgumentException for a platform that is not configured
   * @return false when it was paused already
   */
  boolean pause(String platform, String reason);

  /** Sends it new jobs again; false when it was not paused. */
  boolean resume(String platform);

  /**
   * @param route {@code platform:model} as configured
   * @param offered the models the platform offers now, by id
   */
  record UnknownRoute(String alias, String route, String platform, List<String> offered) {}

  /**
   * Per platform id, the submissions since then whose answer was lost and that the platform could
   * not look up: each may have made a job Kinora cannot follow (and the platform may bill), which
   * only the platform's own dashboard shows. Platforms without any are left out.
   */
  Map<String, Long> unconfirmedSince(java.time.Instant since);

  /**
   * The latest transmissions that ended in a failure, newest first, at most {@code limit}: which
   * platform and model, the failure's code and when — what an operator checks first when a
   * platform misbehaves. Nothing about the user or the request.
   */
  List<RecentFailure> recentFailures(int limit);

  /**
   * A transmission that failed: platform id, its model, the failure code, the sentence people read
   * for it (empty for the transfer log's own codes without one), when it ended.
   */
  record RecentFailure(
      String platform, String model, String code, String reason, java.time.Instant at) {}

  /**
   * @param available whether it takes new jobs now (not paused by an operator, breaker not open)
   * @param breaker the circuit breaker's state on this node: CLOSED (working), OPEN (paused after
   *     failures), HALF_OPEN (trying again)
   * @param pausedBecause the operator's reason when an operator paused it, else null
   */
  record Platform(
      String id,
      String name,
      String country,
      boolean available,
      String breaker,
      String pausedBecause) {}
}
