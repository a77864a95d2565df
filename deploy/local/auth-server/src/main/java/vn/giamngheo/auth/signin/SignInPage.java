package vn.giamngheo.auth.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.giamngheo.auth.people.People;
import vn.giamngheo.auth.people.Person;

/**
 * The sign-in page (Vietnamese, plain HTML: it works without JavaScript) and the page a person sees when they come to
 * the provider directly rather than from the portal.
 */
@Controller
class SignInPage {

    /** The login typed in a failed attempt, so that the person only types the password again. */
    private static final String LAST_LOGIN = SignInPage.class.getName() + ".lastLogin";
    private static final int LOGIN_MAX = 64;

    private final People people;
    private final SignInAttempts attempts;
    private final SavedRequestAwareAuthenticationSuccessHandler onward =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SignInPage(People people, SignInAttempts attempts) {
        this.people = people;
        this.attempts = attempts;
    }

    @GetMapping(SignInSecurity.SIGN_IN)
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        Object login = session == null ? null : session.getAttribute(LAST_LOGIN);
        model.addAttribute("failed", error != null && !"locked".equals(error));
        model.addAttribute("locked", "locked".equals(error));
        model.addAttribute("lockMinutes", Math.max(1, attempts.lockDuration().toMinutes()));
        model.addAttribute("signedOut", logout != null);
        model.addAttribute("login", error != null && login instanceof String typed ? typed : "");
        return "dang-nhap";
    }

    @GetMapping("/")
    String signedIn(Authentication authentication, Model model) {
        model.addAttribute("person", people.find(authentication.getName()).map(Person::name)
                .orElse(authentication.getName()));
        return "da-dang-nhap";
    }

    /**
     * A refused sign-in: back to the page, with the same message whether the login or the password was wrong, and
     * the wrong attempt counted against the login typed.
     */
    AuthenticationFailureHandler failed() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException refused) -> {
            String login = request.getParameter("username");
            if (login != null && login.length() > LOGIN_MAX) {
                login = login.substring(0, LOGIN_MAX);
            }
            if (refused instanceof BadCredentialsException) {
                attempts.failed(login);
            }
            if (login != null) {
                request.getSession().setAttribute(LAST_LOGIN, login);
            }
            response.sendRedirect(request.getContextPath() + SignInSecurity.SIGN_IN
                    + (attempts.locked(login) ? "?error=locked" : "?error"));
        };
    }

    /** A sign-in: the count of wrong attempts starts again, and the person goes on to where they were going. */
    AuthenticationSuccessHandler succeeded() {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            attempts.succeeded(authentication.getName());
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(LAST_LOGIN);
            }
            onward.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
