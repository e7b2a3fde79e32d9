package app.kinora.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>}. A missing or unknown key leaves the
 * request anonymous; the API chain's entry point then answers 401.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Bearer ";

  private final ApiKeys apiKeys;

  ApiKeyAuthenticationFilter(ApiKeys apiKeys) {
    this.apiKeys = apiKeys;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      apiKeys
          .authenticate(header.substring(PREFIX.length()).strip())
          .ifPresent(ApiKeyAuthenticationFilter::signIn);
    }
    chain.doFilter(request, response);
  }

  private static void signIn(ApiKeys.Holder key) {
    var principal = new ApiKeyPrincipal(key.owner(), key.displayName());
    var authorities = new java.util.ArrayList<SimpleGrantedAuthority>();
    authorities.add(new SimpleGrantedAuthority("ROLE_" + key.role().name()));
    key.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    SecurityContextHolder.setContext(context);
  }
}
