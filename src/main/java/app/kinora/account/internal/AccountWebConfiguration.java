package app.kinora.account.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every full page learns whether to ask the signed-in person to confirm their email. */
@Configuration(proxyBeanMethods = false)
class AccountWebConfiguration implements WebMvcConfigurer {

  private final EmailConfirmationBanner banner;

  AccountWebConfiguration(EmailConfirmationBanner banner) {
    this.banner = banner;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(banner).excludePathPatterns("/v1/**");
  }
}
