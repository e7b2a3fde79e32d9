package app.kinora.account.internal;

import java.util.concurrent.CompletableFuture;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import org.springframework.stereotype.Component;

/**
 * Reads a User-Agent header into device class, browser and operating system with Yauaa. The
 * analyser takes a few seconds to build, so it is built in the background at start.
 */
@Component
class DeviceParser {

  /** What a user agent says about the device; "Unknown" where it says nothing. */
  record Device(String deviceClass, String browser, String os) {

    String summary() {
      return browser + " on " + os + " (" + deviceClass + ")";
    }
  }

  private final CompletableFuture<UserAgentAnalyzer> analyzer = CompletableFuture.supplyAsync(
      () -> UserAgentAnalyzer.newBuilder()
          .hideMatcherLoadStats()
          .withCache(2_000)
          .withField(UserAgent.DEVICE_CLASS)
          .withField(UserAgent.AGENT_NAME)
          .withField(UserAgent.AGENT_VERSION_MAJOR)
          .withField(UserAgent.OPERATING_SYSTEM_NAME_VERSION_MAJOR)
          .build(),
      command -> Thread.ofVirtual().name("user-agent-analyser").start(command));

  Device parse(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return new Device("Unknown", "Unknown browser", "unknown system");
    }
    var agent = analyzer.join().parse(userAgent);
    return new Device(
        agent.getValue(UserAgent.DEVICE_CLASS),
        known(agent.getValue(UserAgent.AGENT_NAME), "Unknown browser")
            + version(agent.getValue(UserAgent.AGENT_VERSION_MAJOR)),
        known(agent.getValue(UserAgent.OPERATING_SYSTEM_NAME_VERSION_MAJOR), "unknown system")
            .replace(" ??", "")
            .replaceAll(">=(\\S+)", "$1+"));
  }

  private static String known(String value, String otherwise) {
    return value == null || value.startsWith("Unknown") || value.startsWith("??")
        ? otherwise
        : value;
  }

  private static String version(String value) {
    return value == null || value.startsWith("Unknown") || value.startsWith("??")
        ? ""
        : " " + value;
  }
}
