package app.kinora.account.internal;

import app.kinora.account.AccountProperties;
import app.kinora.shared.PublicAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Links are built on {@code kinora.account.public-url}; unset, on the address this node was
 * started on ({@code http://localhost:<port>}, or {@code server.address}). Never on the request's
 * host: behind {@code server.forward-headers-strategy: native} even {@code X-Forwarded-Host} from
 * a client on a private network becomes the request's host. A link built, without a configured
 * address, while serving a request that came to another host still points here, and a warning
 * (at most one a minute: the host is the requester's to choose) names the setting.
 */
@Component
class PublicUrl implements PublicAddress {

  static final String SETTING = "kinora.account.public-url";

  private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);
  private static final Duration WARNING_PAUSE = Duration.ofMinutes(1);

  private final String configured;
  private final String scheme;
  private final String host;
  private final Clock clock;
  private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);
  private volatile int port;

  PublicUrl(
      AccountProperties properties,
      @Value("${server.port:8080}") int port,
      @Value("${server.address:}") String address,
      @Value("${server.ssl.enabled:false}") boolean ssl,
      Clock clock) {
    this.configured = properties.publicUrl();
    this.scheme = ssl ? "https" : "http";
    this.host = localHost(address);
    this.port = port;
    this.clock = clock;
  }

  @Override
  public String link(String path) {
    if (configured != null) {
      return configured + path;
    }
    warnIfServingAnotherHost();
    return local() + path;
  }

  /** Learns the port actually bound (the configured one may be 0); the management server's is not ours. */
  @EventListener
  void started(WebServerInitializedEvent event) {
    if ("management".equals(event.getApplicationContext().getServerNamespace())) {
      return;
    }
    port = event.getWebServer().getPort();
    if (configured == null) {
      log.info(
          "{} is not set: links in emails point to {}, which works only on this machine. Set it to the "
              + "address people open Kinora at, e.g. https://kinora.example",
          SETTING,
          local());
    }
  }

  private String local() {
    return scheme + "://" + host + ":" + port;
  }

  private void warnIfServingAnotherHost() {
    if (!(RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes)) {
      return;
    }
    var request = attributes.getRequest();
    var foreign = foreignHost(request);
    var now = clock.instant();
    var last = lastWarning.get();
    if (foreign != null
        && now.isAfter(last.plus(WARNING_PAUSE))
        && lastWarning.compareAndSet(last, now)) {
      log.warn(
          "A link was built on {} although the request came to the host '{}', which Kinora never puts in links. "
              + "If people reach Kinora at that address, set {} to it (e.g. https://kinora.example)",
          local(),
          printable(foreign),
          SETTING);
    }
  }

  /** The host a request came to (its Host header, or what the forwarded headers made of it) if not this one. */
  private String foreignHost(HttpServletRequest request) {
    var hostHeader = request.getHeader("Host");
    var named = hostHeader == null ? null : hostHeader.replaceFirst(":\\d*$", "");
    for (var candidate : new String[] {request.getServerName(), named}) {
      if (candidate != null && !candidate.equalsIgnoreCase(host) && !isLoopback(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  static boolean isLoopback(String host) {
    var bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return bare.equalsIgnoreCase("localhost")
        || bare.matches("127(\\.\\d{1,3}){3}")
        || bare.equals("::1")
        || bare.equals("0:0:0:0:0:0:0:1");
  }

  private static String localHost(String address) {
    if (address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) {
      return "localhost";
    }
    return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
  }

  /** A requester's text, fit for one log line. */
  private static String printable(String text) {
    var kept = text.replaceAll("[^A-Za-z0-9.:\\[\\]_-]", "?");
    return kept.length() > 100 ? kept.substring(0, 100) + "…" : kept;
  }
}
