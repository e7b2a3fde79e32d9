package app.kinora.account.internal;

import app.kinora.account.AccountProperties;
import app.kinora.shared.ExtraMediaSources;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Two doors: {@code /v1/**} takes API keys (scoped read / generate) and keeps no session;
 * everything else is the web app, with form and provider sign-in, an optional TOTP step, CSRF
 * protection, a JDBC-backed session that any node can serve, and strict security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** The policy, with {@code %s} for origins media may also come from (see {@link ExtraMediaSources}). */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:%1$s; "
          + "media-src 'self' blob:%1$s; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  static String contentSecurityPolicy(List<String> extraMediaOrigins) {
    var extra = new StringBuilder();
    extraMediaOrigins.forEach(origin -> extra.append(' ').append(origin));
    return CONTENT_SECURITY_POLICY.formatted(extra);
  }

  private static final String[] PUBLIC_PAGES = {
    "/", "/signup", "/signup/**", "/login", "/password-reset", "/password-reset/**", "/account/verify",
    "/account/email/confirm", "/error", "/favicon.ico", "/oauth2/**", "/login/oauth2/**",
    "/privacy", "/privacy/**", "/terms", "/account/closed"
  };

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, ApiKeys apiKeys, RequestContexts contexts) {
    http.securityMatcher("/v1/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // a key per request and nothing else: no sign-out, saved requests, anonymous user or
        // servlet API wrapping, whose filters would run on every range request of a video
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> anonymous.disable())
        .servletApi(servletApi -> servletApi.disable())
        .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), AnonymousAuthenticationFilter.class)
        .addFilterAfter(new GenerationRequestRecorder(contexts), AuthorizationFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/v1/**").hasAuthority(ApiKeys.Scope.GENERATE.authority())
            .anyRequest().hasAuthority(ApiKeys.Scope.READ.authority()))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint((request, response, e) -> apiError(response, 401, UNAUTHORIZED))
            .accessDeniedHandler((request, response, e) -> apiError(response, 403, FORBIDDEN)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webChain(
      HttpSecurity http,
      AccountProperties properties,
      SignInFlow signIn,
      SignInThrottle throttle,
      FederatedSignIn federated,
      RequestContexts contexts,
      ObjectProvider<ClientRegistrationRepository> providers,
      ObjectProvider<ExtraMediaSources> mediaSources) {
    var extraOrigins = mediaSources.orderedStream().flatMap(sources -> sources.origins().stream()).toList();
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers(PUBLIC_PAGES).permitAll()
            .requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**", "/actuator/health/**").permitAll()
            .requestMatchers("/login/totp").hasAuthority(PendingSecondFactor.AUTHORITY)
            .anyRequest().hasAnyRole("USER", "ADMIN"))
        .formLogin(form -> form
            .loginPage("/login")
            .successHandler((request, response, auth) ->
                signIn.firstFactorPassed(((KinoraUserDetails) auth.getPrincipal()).userId(), request, response))
            .failureHandler((request, response, e) -> {
              throttle.failed(request.getParameter("username"), request.getRemoteAddr());
              response.sendRedirect(request.getContextPath() + "/login?error");
            })
            .permitAll())
        .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new AbsoluteSessionTimeoutFilter(properties.sessionAbsoluteTimeout()), UsernamePasswordAuthenticationFilter.class)
        .addFilterAfter(new GenerationRequestRecorder(contexts), AuthorizationFilter.class)
        .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> {
          if (request.isUserInRole("USER") || request.isUserInRole("ADMIN")) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
          } else {
            response.sendRedirect(request.getContextPath() + "/login/totp");
          }
        }))
        .logout(logout -> logout
            .logoutSuccessUrl("/?signedOut")
            .addLogoutHandler(new HeaderWriterLogoutHandler(
                new ClearSiteDataHeaderWriter(ClearSiteDataHeaderWriter.Directive.CACHE, ClearSiteDataHeaderWriter.Directive.COOKIES))))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(extraOrigins)))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    if (providers.getIfAvailable() != null) {
      http.oauth2Login(login -> login
          .loginPage("/login")
          .authorizedClientRepository(new NoTokensKept())
          .successHandler(federated)
          .failureUrl("/login?providerError"));
    }
    return http.build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  CookieSerializer cookieSerializer(AccountProperties properties) {
    var serializer = new DefaultCookieSerializer();
    serializer.setCookieName(properties.secureCookies() ? "__Host-kinora" : "kinora");
    serializer.setUseSecureCookie(properties.secureCookies());
    serializer.setUseHttpOnlyCookie(true);
    serializer.setSameSite("Lax");
    serializer.setCookiePath("/");
    return serializer;
  }

  private static final String UNAUTHORIZED =
      """
      {"error":{"message":"Missing or invalid API key. Send Authorization: Bearer <key>.",\
      "type":"invalid_request_error","code":"invalid_api_key","param":null}}""";

  private static final String FORBIDDEN =
      """
      {"error":{"message":"This API key does not have the scope for this request.",\
      "type":"invalid_request_error","code":"insufficient_scope","param":null}}""";

  private static void apiError(HttpServletResponse response, int status, String body) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
