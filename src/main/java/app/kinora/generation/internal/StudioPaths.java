package app.kinora.generation.internal;

import app.kinora.shared.WebPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The studio's URLs as the web's security needs them. */
@Configuration(proxyBeanMethods = false)
class StudioPaths {

  /** {@code /} is the landing page to visitors and the studio to users; the studio's form asks for generations. */
  @Bean
  WebPaths studioWebPaths() {
    return new WebPaths(
        List.of("/"), List.of(new WebPaths.Endpoint(HttpMethod.POST, "/generations")));
  }
}
