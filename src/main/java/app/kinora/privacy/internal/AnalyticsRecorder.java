package app.kinora.privacy.internal;

import app.kinora.privacy.Consents;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * First-party product analytics, only for visitors who said yes and whose browser does not send
 * Global Privacy Control: a page view per full page, and the generation funnel's submit step.
 * Stored are the kind, the route's pattern (never the ids in it) and the time — no user, no IP.
 */
class AnalyticsRecorder implements HandlerInterceptor {

  private final Consents consents;
  private final AnalyticsEvents events;
  private final Clock clock;

  AnalyticsRecorder(Consents consents, AnalyticsEvents events, Clock clock) {
    this.consents = consents;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    if (failure != null || response.getStatus() >= 400 || !(handler instanceof HandlerMethod)) {
      return;
    }
    var kind = kind(request);
    if (kind == null || !consents.current(request).allowsAnalytics()) {
      return;
    }
    var pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    events.record(kind, pattern == null ? "?" : pattern.toString(), clock.instant());
  }

  /** A whole page seen, or a generation submitted from the studio; nothing else is counted. */
  private static String kind(HttpServletRequest request) {
    boolean fragment = request.getHeader("HX-Request") != null;
    if ("POST".equals(request.getMethod()) && "/generations".equals(request.getRequestURI())) {
      return "generation_submitted";
    }
    var accept = request.getHeader("Accept");
    if ("GET".equals(request.getMethod())
        && !fragment
        && accept != null
        && accept.contains("text/html")) {
      return "page_view";
    }
    return null;
  }
}
