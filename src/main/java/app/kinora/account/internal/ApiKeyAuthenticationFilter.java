package app.kinora.account.internal;

import app.kinora.account.Account;
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
  private final Users users;

  ApiKeyAuthenticationFilter(ApiKeys apiKeys, Users users) {
    this.apiKeys = apiKeys;
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      apiKeys
          .authenticate(header.substring(PREFIX.length()).strip())
          .ifPresent(holder -> users.find(holder.owner()).ifPresent(account -> signIn(account, holder.scopes())));
    }
    chain.doFilter(request, response);
  }

  private void signIn(Account account, java.util.Set<ApiKeys.Scope> scopes) {
    var principal = new ApiKeyPrincipal(account.id(), account.displayName());
    var authorities = new java.util.ArrayList<SimpleGrantedAuthority>();
    authorities.add(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
    scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    SecurityContextHolder.setContext(context);
  }
}
