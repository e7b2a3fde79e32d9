package app.kinora.platform;

import app.kinora.shared.WebPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every page needs and anyone may fetch: static files and the error page. (The actuator's
 * endpoints have a chain of their own, in which health is open.)
 */
@Configuration(proxyBeanMethods = false)
class WebInfrastructurePaths {

  @Bean
  WebPaths webInfrastructure() {
    return new WebPaths(
        List.of("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error"),
        List.of());
  }
}
