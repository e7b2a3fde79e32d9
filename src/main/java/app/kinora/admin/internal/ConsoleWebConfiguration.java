package app.kinora.admin.internal;

import app.kinora.shared.WebPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration {

  /** The console: operators only, a 404 for anyone else, signed in or not. */
  @Bean
  WebPaths consolePaths() {
    return new WebPaths(List.of(), List.of(), List.of("/admin", "/admin/**"));
  }
}
