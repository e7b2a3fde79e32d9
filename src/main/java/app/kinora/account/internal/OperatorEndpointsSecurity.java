package app.kinora.account.internal;

import app.kinora.account.Account;
import app.kinora.account.AccountProperties;
import app.kinora.account.ApiKeyAuthentication.Scope;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The actuator's endpoints. Health answers anyone (its details only operators: {@code
 * management.endpoint.health.show-details: when-authorized} with the role {@code ADMIN});
 * metrics, Prometheus and every other endpoint answer operators alone — signed in on the web, or
 * with an operator's API key that may read ({@code Authorization: Bearer}, as Prometheus sends
 * it). With {@code management.server.port} set, the endpoints move to that port and are open
 * there: the operator keeps the port private.
 */
@Configuration(proxyBeanMethods = false)
class OperatorEndpointsSecurity {

  private static final String OPERATOR = "ROLE_" + Account.Role.ADMIN.name();

  /** Before the web app's chain, which would send a stranger to the sign-in page. */
  @Bean
  @Order(2)
  SecurityFilterChain operatorEndpointsChain(
      HttpSecurity http,
      Environment environment,
      ApiKeys apiKeys,
      SecurityContextRepository sessions,
      AccountProperties properties) {
    http.securityMatcher(EndpointRequest.toAnyEndpoint());
    if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT) {
      // only requests to the management port come here
      http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
          .csrf(csrf -> csrf.disable())
          .sessionManagement(
              session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
      return http.build();
    }
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers(EndpointRequest.to(HealthEndpoint.class))
            .permitAll()
            .anyRequest()
            .access(
                (authentication, context) -> new AuthorizationDecision(isOperator(authentication))))
        // an operator's web session is read, never made or written here (no creation policy:
        // setting
        // one adds a filter that would store an API key's sign-in in a new session)
        .securityContext(context -> context.securityContextRepository(sessions))
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .addFilterBefore(
            new AbsoluteSessionTimeoutFilter(properties.sessionAbsoluteTimeout()),
            UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(
            new ApiKeyAuthenticationFilter(apiKeys), AnonymousAuthenticationFilter.class)
        // a bare status, not an error page: the error dispatch would take the web app's chain
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
            .accessDeniedHandler(
                (request, response, e) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN)));
    return http.build();
  }

  /** An operator; through an API key, one whose key may read. */
  static boolean isOperator(Supplier<? extends Authentication> authentication) {
    var current = authentication.get();
    if (current == null || !current.isAuthenticated()) {
      return false;
    }
    var authorities =
        current.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    return authorities.contains(OPERATOR)
        && (!(current.getPrincipal() instanceof ApiKeyPrincipal)
            || authorities.contains(Scope.READ.authority()));
  }
}
