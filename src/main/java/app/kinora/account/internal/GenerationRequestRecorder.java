package app.kinora.account.internal;

import app.kinora.account.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records the request context of each accepted generation request, from the web studio
 * ({@code POST /generations}) and the API ({@code POST /v1/videos}). Done here, at the HTTP
 * edge where IP and headers are, so that the generation module needs no knowledge of them.
 */
class GenerationRequestRecorder extends OncePerRequestFilter {

  static final Set<String> GENERATION_PATHS = Set.of("/generations", "/v1/videos");

  private final RequestContexts contexts;

  GenerationRequestRecorder(RequestContexts contexts) {
    this.contexts = contexts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    if ("POST".equals(request.getMethod()) && GENERATION_PATHS.contains(request.getServletPath())
        && response.getStatus() < 300) {
      var authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
        contexts.record(user.userId(), RequestContexts.Activity.GENERATION, request);
      }
    }
  }
}
