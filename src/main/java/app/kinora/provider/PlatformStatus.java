package app.kinora.provider;

import java.util.List;
import java.util.Map;

/** How each platform fares on this node, and which routes each model alias runs on, for operators. */
public interface PlatformStatus {

  List<Platform> platforms();

  /** Each configured model alias with its routes ({@code platform:model}) in order. */
  Map<String, List<String>> routes();

  /**
   * @param breaker the circuit breaker's state on this node: CLOSED (working), OPEN (paused after
   *     failures), HALF_OPEN (trying again)
   */
  record Platform(String id, String name, String country, boolean available, String breaker) {}
}
