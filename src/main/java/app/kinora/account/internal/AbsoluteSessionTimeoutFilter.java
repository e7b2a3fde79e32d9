package app.kinora.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session a fixed time after sign-in, however active it is (the idle timeout is Spring
 * Session's {@code spring.session.timeout}).
 */
class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

  private final Duration limit;

  AbsoluteSessionTimeoutFilter(Duration limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var session = request.getSession(false);
    if (session != null
        && session.getAttribute(UserSessions.SIGNED_IN_AT) instanceof Long signedInAt
        && Instant.ofEpochMilli(signedInAt).plus(limit).isBefore(Instant.now())) {
      session.invalidate();
      SecurityContextHolder.clearContext();
      response.sendRedirect(request.getContextPath() + "/login?expired");
      return;
    }
    chain.doFilter(request, response);
  }
}
