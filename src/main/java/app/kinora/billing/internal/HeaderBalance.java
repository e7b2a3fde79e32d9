package app.kinora.billing.internal;

import app.kinora.billing.CreditLedger;
import app.kinora.shared.UserPrincipal;
import app.kinora.shared.WholePages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The signed-in person's available credits for the page header ({@code headerBalance}), on
 * every whole page — not API responses, redirects or htmx fragments. The studio's progress
 * streams keep it current afterwards.
 */
@Configuration(proxyBeanMethods = false)
class HeaderBalance implements WebMvcConfigurer {

  private final CreditLedger ledger;

  HeaderBalance(CreditLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new Interceptor()).excludePathPatterns("/v1/**");
  }

  private final class Interceptor implements HandlerInterceptor {

    @Override
    public void postHandle(
        HttpServletRequest request,
        HttpServletResponse response,
        Object handler,
        ModelAndView page) {
      if (!WholePages.isWholePage(request, page)) {
        return;
      }
      var authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication != null && authentication.getPrincipal() instanceof UserPrincipal user) {
        page.addObject("headerBalance", ledger.balance(user.userId()).available());
      }
    }
  }
}
