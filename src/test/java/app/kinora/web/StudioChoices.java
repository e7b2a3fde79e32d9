package app.kinora.web;

import com.microsoft.playwright.Page;
import java.util.List;

/** The studio's radio cards and chips, picked as a person would (a click on the card or chip). */
final class StudioChoices {

  private StudioChoices() {}

  static void model(Page page, String id) {
    choose(page, "model", id);
  }

  static void seconds(Page page, String seconds) {
    choose(page, "seconds", seconds);
  }

  static void size(Page page, String size) {
    choose(page, "size", size);
  }

  /** The values a radio group offers now, in order. */
  static List<String> offered(Page page, String name) {
    return page.locator("input[type=radio][name=" + name + "]").all().stream()
        .map(input -> input.getAttribute("value"))
        .toList();
  }

  private static void choose(Page page, String name, String value) {
    page.locator("input[type=radio][name=" + name + "][value='" + value + "']").check();
  }
}
