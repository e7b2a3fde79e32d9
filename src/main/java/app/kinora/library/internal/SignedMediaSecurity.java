package app.kinora.library.internal;

import app.kinora.media.Delivery;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /media/**} is reached by signed links alone: no session, no cookie needed, GET only.
 * The signature is checked by {@link LibraryFilesController}; a bad or expired one gets 404. A
 * player's range requests on a video take a shorter way ({@link SignedVideoFastPath}).
 */
@Configuration(proxyBeanMethods = false)
class SignedMediaSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain signedMediaChain(HttpSecurity http) {
    http.securityMatcher("/media/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/media/**")
            .permitAll()
            .requestMatchers(HttpMethod.HEAD, "/media/**")
            .permitAll()
            .anyRequest()
            .denyAll());
    return http.build();
  }

  /** Runs right after the correlation id and the HTTP metrics, before sessions and security. */
  @Bean
  FilterRegistrationBean<SignedVideoFastPath> signedVideoFastPath(
      LibraryItems items, ItemFiles files, Delivery delivery) {
    var registration =
        new FilterRegistrationBean<>(new SignedVideoFastPath(items, files, delivery));
    registration.addUrlPatterns("/media/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
