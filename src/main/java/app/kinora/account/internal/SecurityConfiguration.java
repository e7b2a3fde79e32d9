package app.kinora.account.internal;

import app.kinora.account.AccountProperties;
import app.kinora.shared.ExtraMediaSources;
import app.kinora.shared.WebPaths;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The web app's door, for every request no other chain takes (webhooks, signed media and the API
 * build their own, the API with {@link app.kinora.account.ApiKeyAuthentication}): form and provider
 * sign-in, an optional TOTP step, CSRF protection, a JDBC-backed session that any node can serve,
 * and strict security headers. The pages anyone may open are the account's own and those the
 * modules declare as {@link WebPaths}.
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

  /** The account pages anyone may open; other modules declare theirs as {@link WebPaths}. */
  private static final List<String> ACCOUNT_PAGES = List.of(
      "/signup",
      "/signup/**",
      "/login",
      "/password-reset",
      "/password-reset/**",
      ProofOfWorkController.PATH,
      "/account/verify",
      "/account/email/confirm",
      "/oauth2/**",
      "/login/oauth2/**",
      "/account/closed");

  /** Whether a controller answers this path (with any method: a wrong one is not "not found"). */
  private static boolean isRoute(
      org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping routes,
      jakarta.servlet.http.HttpServletRequest request) {
    try {
      return routes.getHandler(request) != null;
    } catch (Exception wrongMethodOrType) {
      return true;
    }
  }

  private static String[] publicPaths(List<WebPaths> declared) {
    return Stream.concat(
            ACCOUNT_PAGES.stream(),
            declared.stream().flatMap(module -> module.publicPaths().stream()))
        .distinct()
        .toArray(String[]::new);
  }

  /** Matches every request, so it comes last: after the chains of webhooks, signed media and the API. */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  SecurityFilterChain webChain(
      HttpSecurity http,
      AccountProperties properties,
      SignInFlow signIn,
      SignInThrottle throttle,
      MeterRegistry meters,
      FederatedSignIn federated,
      RequestContexts contexts,
      ObjectProvider<ClientRegistrationRepository> providers,
      ObjectProvider<ExtraMediaSources> mediaSources,
      ObjectProvider<WebPaths> paths,
      @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
          ObjectProvider<
                  org.springframework.web.servlet.mvc.method.annotation
                      .RequestMappingHandlerMapping>
              routes) {
    var declared = paths.orderedStream().toList();
    var extraOrigins = mediaSources
        .orderedStream()
        .flatMap(sources -> sources.origins().stream())
        .toList();
    var operatorPaths = declared.stream()
        .flatMap(module -> module.operatorPaths().stream())
        .distinct()
        .map(path -> PathPatternRequestMatcher.withDefaults().matcher(path))
        .toArray(RequestMatcher[]::new);
    var operatorPages = operatorPaths.length == 0
        ? (RequestMatcher) request -> false
        : new OrRequestMatcher(operatorPaths);
    // a visitor is sent to sign in, except on operators' pages, which do not exist for them
    var signInPage = new LoginUrlAuthenticationEntryPoint("/login");
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers(operatorPages)
            .hasRole("ADMIN")
            .requestMatchers(publicPaths(declared))
            .permitAll()
            .requestMatchers("/login/totp")
            .hasAuthority(PendingSecondFactor.AUTHORITY)
            .anyRequest()
            .hasAnyRole("USER", "ADMIN"))
        .formLogin(form -> form.loginPage("/login")
            .successHandler((request, response, auth) -> {
              throttle.succeeded(request.getParameter("username"), request.getRemoteAddr());
              signIn.firstFactorPassed(
                  ((KinoraUserDetails) auth.getPrincipal()).userId(), request, response);
            })
            .failureHandler((request, response, e) -> {
              // the attempt was taken before the check (SignInThrottleFilter) and stays taken
              meters.counter(SignInPages.REFUSED, "reason", "credentials").increment();
              var typed = request.getParameter("username");
              if (typed != null && typed.length() <= 320) {
                request.getSession().setAttribute(SignInPages.TYPED_EMAIL, typed.strip());
              }
              response.sendRedirect(request.getContextPath() + "/login?error");
            })
            .permitAll())
        .addFilterBefore(
            new SignInThrottleFilter(throttle, meters), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(
            new AbsoluteSessionTimeoutFilter(properties.sessionAbsoluteTimeout()),
            UsernamePasswordAuthenticationFilter.class)
        .addFilterAfter(
            new GenerationRequestRecorder(contexts, declared), AuthorizationFilter.class)
        .exceptionHandling(errors -> errors
            // operators' pages do not exist for anyone else, signed in or not
            .authenticationEntryPoint((request, response, e) -> {
              if (operatorPages.matches(request) || !isRoute(routes.getObject(), request)) {
                // a page that does not exist is not found, signed in or not
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
              } else {
                signInPage.commence(request, response, e);
              }
            })
            .accessDeniedHandler((request, response, e) -> {
              if (operatorPages.matches(request)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
              } else if (request.isUserInRole("USER") || request.isUserInRole("ADMIN")) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
              } else {
                response.sendRedirect(request.getContextPath() + "/login/totp");
              }
            }))
        .logout(logout -> logout
            .logoutSuccessUrl("/?signedOut")
            .addLogoutHandler(new HeaderWriterLogoutHandler(new ClearSiteDataHeaderWriter(
                ClearSiteDataHeaderWriter.Directive.CACHE,
                ClearSiteDataHeaderWriter.Directive.COOKIES))))
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
}
