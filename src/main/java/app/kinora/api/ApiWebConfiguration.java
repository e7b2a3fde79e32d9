package app.kinora.api;

import app.kinora.generation.Generations;
import app.kinora.media.Delivery;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Servlet-level pieces of the API. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration {

  /** After Spring Security's filter chain (order -100), which authenticates and authorises. */
  private static final int AFTER_SECURITY = -99;

  @Bean
  FilterRegistrationBean<VideoContentFastPath> videoContentFastPath(Generations generations, Delivery delivery) {
    var registration = new FilterRegistrationBean<>(new VideoContentFastPath(generations, delivery));
    registration.addUrlPatterns("/v1/videos/*");
    registration.setOrder(AFTER_SECURITY);
    return registration;
  }
}
