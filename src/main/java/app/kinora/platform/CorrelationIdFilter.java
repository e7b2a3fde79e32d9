package app.kinora.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: in the logs (MDC {@code cid}), in the response header
 * {@code X-Request-Id}, and as request attribute {@value #ATTRIBUTE} for error pages, so a user
 * can quote it and an operator can find the log lines.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

  static final String ATTRIBUTE = "correlationId";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var id = UUID.randomUUID().toString().substring(0, 13);
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader("X-Request-Id", id);
    MDC.put("cid", id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove("cid");
    }
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return true;
  }
}
