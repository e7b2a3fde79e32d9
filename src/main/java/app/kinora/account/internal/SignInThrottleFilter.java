package app.kinora.account.internal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes an attempt from the email's and the IP address's budgets before a password sign-in is
 * checked, and stops it while either is used up; the answer is the same whether the email has an
 * account or not. A right password gives the attempt back ({@link SignInThrottle#succeeded}).
 */
class SignInThrottleFilter extends OncePerRequestFilter {

  private final SignInThrottle throttle;
  private final MeterRegistry meters;

  SignInThrottleFilter(SignInThrottle throttle, MeterRegistry meters) {
    this.throttle = throttle;
    this.meters = meters;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
      var wait = throttle.reserve(request.getParameter("username"), request.getRemoteAddr());
      if (!wait.isZero()) {
        meters.counter(SignInPages.REFUSED, "reason", "throttled").increment();
        response.sendRedirect(
            request.getContextPath() + "/login?throttled=" + SignInPages.minutes(wait));
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
