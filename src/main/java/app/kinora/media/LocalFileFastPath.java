package app.kinora.media;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A servlet filter that answers some plain GETs for a stored file itself (usually with {@link
 * MediaDelivery#sendLocalFile}), before Spring MVC, and hands every other request on unchanged.
 */
public abstract class LocalFileFastPath extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod());
  }

  @Override
  protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!answered(request, response)) {
      chain.doFilter(request, response);
    }
  }

  /** Whether this request was answered; false means nothing was written and it goes on. */
  protected abstract boolean answered(HttpServletRequest request, HttpServletResponse response);

  /** The request's path inside the application. */
  protected static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
