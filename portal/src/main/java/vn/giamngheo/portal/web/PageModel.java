package vn.giamngheo.portal.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.giamngheo.portal.signin.Officer;

/** What every page's header shows: who is signed in. */
@ControllerAdvice
public class PageModel {

    @ModelAttribute("officer")
    Officer officer() {
        return current();
    }

    /** The person signed in; null on the pages open to all (errors). */
    public static Officer current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof OidcUser user ? Officer.of(user.getClaims()) : null;
    }
}
