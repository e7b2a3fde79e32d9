package app.kinora.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Which answers are whole pages, the ones the layout's header, banners and footer are drawn on:
 * a rendered view, not an htmx fragment, a redirect or a body written by the controller.
 * Modules that add to every page (the balance, the consent banner, the email banner) ask here.
 */
public final class WholePages {

  private WholePages() {}

  public static boolean isWholePage(HttpServletRequest request, ModelAndView page) {
    return page != null
        && request.getHeader("HX-Request") == null
        && (page.getViewName() == null || !page.getViewName().startsWith("redirect:"));
  }
}
