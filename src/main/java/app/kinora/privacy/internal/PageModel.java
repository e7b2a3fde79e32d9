package app.kinora.privacy.internal;

import app.kinora.privacy.Consents;
import app.kinora.privacy.PolicyAcknowledgements;
import app.kinora.privacy.PrivacyProperties;
import app.kinora.shared.UserPrincipal;
import app.kinora.shared.WholePages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every full page's footer and banners need: the operator's identity (P1), the visitor's
 * consent (the banner shows while it is undecided) and any material policy change the user has
 * yet to acknowledge. Added only when a whole page is rendered — not for API responses, redirects
 * or htmx fragments — so those cost nothing.
 */
class PageModel implements HandlerInterceptor {

  private final Consents consents;
  private final PrivacyProperties properties;
  private final PolicyAcknowledgements acknowledgements;

  PageModel(
      Consents consents, PrivacyProperties properties, PolicyAcknowledgements acknowledgements) {
    this.consents = consents;
    this.properties = properties;
    this.acknowledgements = acknowledgements;
  }

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
    if (!WholePages.isWholePage(request, page)) {
      return;
    }
    var consent = consents.current(request);
    if (!consent.chosen()) {
      // the banner's form needs a CSRF token, saved in the session; make it now, before the page
      // streams out, since a session cannot be started once the response is committed
      var csrf = request.getAttribute(CsrfToken.class.getName());
      if (csrf instanceof CsrfToken token) {
        token.getToken();
      }
    }
    page.addObject("consent", consent);
    page.addObject("siteOperator", properties.operator());
    page.addObject("here", here(request));
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof UserPrincipal user) {
      acknowledgements
          .pendingFor(user.userId())
          .ifPresent(notice -> page.addObject("policyUpdate", notice));
    }
  }

  /** Where the banner's buttons send the visitor back to: the page they are on. */
  private static String here(HttpServletRequest request) {
    var uri = request.getRequestURI();
    return request.getQueryString() == null ? uri : uri + "?" + request.getQueryString();
  }
}
