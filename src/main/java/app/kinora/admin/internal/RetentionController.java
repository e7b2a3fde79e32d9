package app.kinora.admin.internal;

import app.kinora.privacy.RetentionEngine;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The retention rules in force and what their latest runs removed. */
@Controller
class RetentionController {

  private final RetentionEngine retention;

  RetentionController(RetentionEngine retention) {
    this.retention = retention;
  }

  @GetMapping("/admin/retention")
  String retention(Model model) {
    model.addAttribute("section", "retention");
    model.addAttribute("categories", retention.categories());
    model.addAttribute("runs", retention.recentRuns(100));
    return "admin/retention";
  }
}
