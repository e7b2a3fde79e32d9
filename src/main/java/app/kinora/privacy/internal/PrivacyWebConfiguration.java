package app.kinora.privacy.internal;

import app.kinora.privacy.Consents;
import app.kinora.privacy.PolicyAcknowledgements;
import app.kinora.privacy.PrivacyProperties;
import app.kinora.shared.WebPaths;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every page learns the consent and policy state; consented analytics are counted; the privacy
 * pages are open to everyone.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyWebConfiguration implements WebMvcConfigurer {

  private final Consents consents;
  private final PrivacyProperties properties;
  private final PolicyAcknowledgements acknowledgements;
  private final AnalyticsEvents events;
  private final Clock clock;

  PrivacyWebConfiguration(
      Consents consents,
      PrivacyProperties properties,
      PolicyAcknowledgements acknowledgements,
      AnalyticsEvents events,
      Clock clock) {
    this.consents = consents;
    this.properties = properties;
    this.acknowledgements = acknowledgements;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new PageModel(consents, properties, acknowledgements))
        .excludePathPatterns("/v1/**");
    registry
        .addInterceptor(new AnalyticsRecorder(consents, events, clock))
        .excludePathPatterns("/v1/**");
  }

  /** The policies, the subprocessors, cookie choices and a requester's confirmation link: open to anyone. */
  @Bean
  WebPaths privacyPages() {
    return new WebPaths(List.of("/privacy", "/privacy/**", "/terms"), List.of());
  }
}
