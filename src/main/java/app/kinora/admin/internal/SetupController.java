package app.kinora.admin.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SetupController {

  private final SetupCheck setup;

  SetupController(SetupCheck setup) {
    this.setup = setup;
  }

  @GetMapping("/admin/setup")
  String setup(Model model) {
    model.addAttribute("section", "setup");
    model.addAttribute("items", setup.items());
    return "admin/setup";
  }
}
