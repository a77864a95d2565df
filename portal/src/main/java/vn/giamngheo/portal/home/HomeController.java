package vn.giamngheo.portal.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;

/** The first page after sign-in: who you are, what you act for, where to go. */
@Controller
class HomeController {

    private final Units units;

    HomeController(Units units) {
        this.units = units;
    }

    @GetMapping("/")
    String home(Model model) {
        Officer officer = PageModel.current();
        model.addAttribute("units", officer.actsForEveryUnit() ? null : units.of(officer));
        return "home";
    }
}
