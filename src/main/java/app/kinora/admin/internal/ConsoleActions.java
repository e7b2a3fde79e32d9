package app.kinora.admin.internal;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs a console change and tells the operator how it went on the page it returns to. */
final class ConsoleActions {

  private ConsoleActions() {}

  /** An action that may refuse with a sentence for the operator. */
  interface Action {
    String run();
  }

  /** Runs it; its answer (or its refusal) is shown on the page {@code back} leads to. */
  static String act(RedirectAttributes flash, String back, Action action) {
    try {
      flash.addFlashAttribute("notice", action.run());
    } catch (IllegalArgumentException | IllegalStateException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:" + back;
  }
}
