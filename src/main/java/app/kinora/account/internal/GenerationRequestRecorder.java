package app.kinora.account.internal;

import app.kinora.shared.UserPrincipal;
import app.kinora.shared.WebPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records the request context of each accepted generation request, on the endpoints the modules
 * declare as {@link WebPaths#generationRequests()} (the web studio's form, the API). Done here, at
 * the HTTP edge where IP and headers are, so that the modules that take the requests need no
 * knowledge of them.
 */
class GenerationRequestRecorder extends OncePerRequestFilter {

  private final RequestContexts contexts;
  private final RequestMatcher generationRequests;

  GenerationRequestRecorder(RequestContexts contexts, List<WebPaths> declared) {
    this.contexts = contexts;
    this.generationRequests = matcher(declared);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    if (Boolean.TRUE.equals(request.getAttribute(WebPaths.GENERATION_ACCEPTED))
        && generationRequests.matches(request)) {
      var authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication != null && authentication.getPrincipal() instanceof UserPrincipal user) {
        contexts.record(user.userId(), RequestContexts.Activity.GENERATION, request);
      }
    }
  }

  private static RequestMatcher matcher(List<WebPaths> declared) {
    var paths = PathPatternRequestMatcher.withDefaults();
    List<RequestMatcher> endpoints = declared.stream()
        .flatMap(module -> module.generationRequests().stream())
        .<RequestMatcher>map(endpoint -> paths.matcher(endpoint.method(), endpoint.path()))
        .toList();
    return endpoints.isEmpty() ? request -> false : new OrRequestMatcher(endpoints);
  }
}
