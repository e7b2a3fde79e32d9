package app.kinora.api;

import app.kinora.generation.Generations;
import app.kinora.media.Delivery;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Servlet-level pieces of the API. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

  /** After Spring Security's filter chain (order -100), which authenticates and authorises. */
  private static final int AFTER_SECURITY = -99;

  @Bean
  FilterRegistrationBean<VideoContentFastPath> videoContentFastPath(
      Generations generations, Delivery delivery) {
    var registration =
        new FilterRegistrationBean<>(new VideoContentFastPath(generations, delivery));
    registration.addUrlPatterns("/v1/videos/*");
    registration.setOrder(AFTER_SECURITY);
    return registration;
  }

  /**
   * The API answers JSON whatever {@code Accept} says, as OpenAI's does: a video object is written
   * even to {@code Accept: video/mp4}, rather than a 406 after the video was already asked for.
   * Other requests negotiate by their {@code Accept} header as usual.
   */
  @Override
  public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
    ContentNegotiationStrategy api = request -> {
      var servlet = request.getNativeRequest(HttpServletRequest.class);
      return servlet != null && ApiAwareErrorController.isApi(servlet.getRequestURI())
          ? List.of(MediaType.APPLICATION_JSON, MediaType.ALL)
          : ContentNegotiationStrategy.MEDIA_TYPE_ALL_LIST;
    };
    configurer.strategies(List.of(api, new HeaderContentNegotiationStrategy()));
  }

  /** Errors Tomcat answers itself (a malformed request line or URI) in the same shapes as the application's. */
  @Bean
  ShapedErrorReportValve.Installer shapedTomcatErrors() {
    return new ShapedErrorReportValve.Installer();
  }
}
