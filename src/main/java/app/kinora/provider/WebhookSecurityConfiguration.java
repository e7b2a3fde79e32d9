package app.kinora.provider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Platforms' webhooks carry no session or CSRF token: their signature is their credential. */
@Configuration(proxyBeanMethods = false)
class WebhookSecurityConfiguration {

  @Bean
  @Order(0)
  SecurityFilterChain providerWebhookChain(HttpSecurity http) {
    http.securityMatcher(ProviderWebhookController.PATH + "**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    return http.build();
  }
}
