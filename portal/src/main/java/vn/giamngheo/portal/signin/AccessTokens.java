package vn.giamngheo.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceProblem;

/**
 * The signed-in person's access token, kept in their session on the server and refreshed when it has expired (the
 * provider's live five minutes): what the portal relays to the services. Call it on the request's thread, then hand
 * the token to any parallel calls.
 */
@Component
public class AccessTokens {

    private final OAuth2AuthorizedClientManager clients;

    AccessTokens(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    /** @throws ServiceProblem {@code SIGN_IN_AGAIN} when the session holds no token that can still be refreshed */
    public String current() {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        OAuth2AuthorizedClient client;
        try {
            client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(SignInConfiguration.REGISTRATION)
                    .principal(person)
                    .attribute(HttpServletRequest.class.getName(), request.getRequest())
                    .attribute(HttpServletResponse.class.getName(), request.getResponse())
                    .build());
        } catch (OAuth2AuthorizationException e) {
            throw signInAgain(e);
        }
        if (client == null || client.getAccessToken() == null) {
            throw signInAgain(null);
        }
        return client.getAccessToken().getTokenValue();
    }

    private static ServiceProblem signInAgain(Exception cause) {
        return new ServiceProblem(Service.HOUSEHOLD, ServiceProblem.Kind.SIGN_IN_AGAIN, 401,
                "the session holds no usable access token", List.of(), cause);
    }
}
