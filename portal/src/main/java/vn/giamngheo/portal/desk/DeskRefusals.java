package vn.giamngheo.portal.desk;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.giamngheo.portal.web.PageModel;

/** The desk's refusal page (403): not a department officer, or a record of another department. */
@ControllerAdvice(basePackageClasses = DeskRefusals.class)
class DeskRefusals {

    @ExceptionHandler(DeskRefused.class)
    String refused(DeskRefused refused, HttpServletResponse response, Model model) {
        response.setStatus(403);
        model.addAttribute("officer", PageModel.current());
        model.addAttribute("otherDepartment", refused.department());
        return "desk/refused";
    }
}
