package app.kinora.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops password sign-ins while the email or the IP address has used up its failed attempts;
 * the answer is the same whether the email has an account or not.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

  private final SignInThrottle throttle;

  SignInThrottleFilter(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
      var wait = throttle.waitBefore(request.getParameter("username"), request.getRemoteAddr());
      if (!wait.isZero()) {
        response.sendRedirect(request.getContextPath() + "/login?throttled=" + Math.max(1, (wait.toSeconds() + 59) / 60));
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
