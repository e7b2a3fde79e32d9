package app.kinora.api;

import app.kinora.account.ApiKeyAuthentication;
import app.kinora.account.ApiKeyAuthentication.Scope;
import app.kinora.shared.WebPaths;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /v1/**} takes API keys (scoped read / generate; deleting needs generate) and keeps no session. Its refusals (no
 * key, a key without the scope) come in OpenAI's error shape. The OpenAPI document describes the API
 * and holds nothing of anyone's, so it answers without a key, as does its page. The chain runs before the web app's,
 * which takes every other request.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, ApiKeyAuthentication apiKeys) {
    http.securityMatcher("/v1/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // a key per request and nothing else: no sign-out, saved requests, anonymous user or
        // servlet API wrapping, whose filters would run on every range request of a video
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> anonymous.disable())
        .servletApi(servletApi -> servletApi.disable())
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(
                HttpMethod.GET, ApiDocumentation.DOCUMENT, ApiDocumentation.DOCUMENT + "/**")
            .permitAll()
            .requestMatchers(HttpMethod.POST, "/v1/**")
            .hasAuthority(Scope.GENERATE.authority())
            .requestMatchers(HttpMethod.DELETE, "/v1/**")
            .hasAuthority(Scope.GENERATE.authority())
            .anyRequest()
            .hasAuthority(Scope.READ.authority()))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint(
                (request, response, e) -> apiError(response, 401, UNAUTHORIZED))
            .accessDeniedHandler((request, response, e) -> apiError(response, 403, FORBIDDEN)));
    apiKeys.applyTo(http);
    return http.build();
  }

  /**
   * The API's page (Swagger UI): open to anyone, no session. Its own policy differs from the web
   * app's in one point: Swagger UI sets inline styles as it renders (scripts stay 'self' only).
   */
  @Bean
  @Order(1)
  SecurityFilterChain apiPageChain(HttpSecurity http) {
    http.securityMatcher(ApiDocumentation.PAGE, "/swagger-ui/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")));
    return http.build();
  }

  /** Creating a video asks for a generation: its device and log data is recorded, as on the web. */
  @Bean
  WebPaths apiPaths() {
    return new WebPaths(
        List.of(),
        List.of(
            new WebPaths.Endpoint(HttpMethod.POST, "/v1/videos"),
            new WebPaths.Endpoint(HttpMethod.POST, "/v1/videos/*/remix"),
            new WebPaths.Endpoint(HttpMethod.POST, "/v1/videos/edits"),
            new WebPaths.Endpoint(HttpMethod.POST, "/v1/videos/extensions")));
  }

  private static final String UNAUTHORIZED = """
      {"error":{"message":"Missing or invalid API key. Send Authorization: Bearer <key>.",\
      "type":"invalid_request_error","code":"invalid_api_key","param":null}}""";

  private static final String FORBIDDEN = """
      {"error":{"message":"This API key does not have the scope for this request.",\
      "type":"invalid_request_error","code":"insufficient_scope","param":null}}""";

  private static void apiError(HttpServletResponse response, int status, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
