package app.kinora.account.internal;

import app.kinora.account.AccountProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Two doors: {@code /v1/**} takes API keys and keeps no session; everything else is the web
 * app, with form sign-in, CSRF protection, a JDBC-backed session that any node can serve, and
 * strict security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, ApiKeys apiKeys, Users users) {
    http.securityMatcher("/v1/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, users), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> unauthorized(response)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webChain(HttpSecurity http) {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/", "/signup", "/login", "/error", "/favicon.ico", "/privacy", "/privacy/**", "/terms")
                    .permitAll()
                    .requestMatchers("/css/**", "/img/**", "/webjars/**", "/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/?signedOut"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
                            .SAME_ORIGIN)));
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

  private static void unauthorized(HttpServletResponse response) throws java.io.IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setHeader("WWW-Authenticate", "Bearer");
    response
        .getOutputStream()
        .write(
            """
            {"error":{"message":"Missing or invalid API key. Send Authorization: Bearer <key>.",\
            "type":"invalid_request_error","code":"invalid_api_key","param":null}}"""
                .getBytes(StandardCharsets.UTF_8));
  }
}
