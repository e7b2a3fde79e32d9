package app.kinora.account.internal;

import app.kinora.shared.UserPrincipal;
import app.kinora.shared.WholePages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * The "confirm your email" banner at the top of every full page while the signed-in account's
 * address is unconfirmed (a sign-up lands in the studio with it). Dismissed, it stays away for
 * the rest of the session ({@code ProfileController}); confirmed, it never shows again.
 */
@Component
class EmailConfirmationBanner implements HandlerInterceptor {

  static final String DISMISSED = "kinora.confirmEmailDismissed";

  private final Users users;

  EmailConfirmationBanner(Users users) {
    this.users = users;
  }

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
    if (!WholePages.isWholePage(request, page)) {
      return;
    }
    var session = request.getSession(false);
    if (session != null && session.getAttribute(DISMISSED) != null) {
      return;
    }
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof UserPrincipal user
        && !users.isVerified(user.userId())) {
      page.addObject("confirmEmail", true);
    }
  }
}
