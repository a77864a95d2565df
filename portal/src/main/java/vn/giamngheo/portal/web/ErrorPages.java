package vn.giamngheo.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.giamngheo.portal.services.ServiceProblem;

/**
 * A page whose main content a service refused or could not give becomes a clear Vietnamese page with the matching
 * status: not within your units (403), not found (404), the service does not answer (503). A sign-in the services no
 * longer accept ends the session and starts a new sign-in.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler(ServiceProblem.class)
    String problem(ServiceProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (problem.kind() == ServiceProblem.Kind.SIGN_IN_AGAIN) {
            log.info("Sign-in no longer accepted ({}); starting a new one", problem.getMessage());
            if (request.getSession(false) != null) {
                request.getSession(false).invalidate();
            }
            SecurityContextHolder.clearContext();
            return "redirect:/";
        }
        int status = switch (problem.kind()) {
            case NOT_ALLOWED -> 403;
            case NOT_FOUND -> 404;
            case REFUSED -> 400;
            default -> 503;
        };
        response.setStatus(status);
        model.addAttribute("problem", problem);
        model.addAttribute("status", status);
        model.addAttribute("officer", PageModel.current());
        return "error/problem";
    }
}
