package vn.giamngheo.portal.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in wiring: a signed-out visitor is sent to the provider with PKCE; pages carry the strict CSP; every POST needs
 * the CSRF token; signing out goes on to the provider's logout. No provider runs here: only the redirects are checked.
 */
@SpringBootTest(properties = {"portal.services.household=http://127.0.0.1:9", "portal.timeouts.connect=200ms"})
@AutoConfigureMockMvc
class SignInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    OidcLoginRequestPostProcessor hoa() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("giamngheo")).idToken(t -> t.subject("can-bo-08707").claim("name", "Nguyễn Thị Hoa")
                .claim("roles", List.of("WARD_OFFICER")).claim("units", List.of("08707")));
    }

    @Test
    void aSignedOutVisitorIsSentToSignIn() throws Exception {
        mvc.perform(get("/ho-gia-dinh")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/giamngheo"));
        mvc.perform(get("/")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/giamngheo"));
    }

    @Test
    void signInGoesToTheProviderWithPkce() throws Exception {
        String location = mvc.perform(get("/oauth2/authorization/giamngheo")).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        var query = UriComponentsBuilder.fromUriString(location).build().getQueryParams();
        assertThat(location).startsWith("http://localhost:9000/oauth2/authorize?");
        assertThat(query.getFirst("client_id")).isEqualTo("portal");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("scope")).contains("openid").contains("profile");
        assertThat(query.getFirst("redirect_uri")).isEqualTo("http://localhost/login/oauth2/code/giamngheo");
    }

    @Test
    void homeSaysWhoIsSignedInUnderAStrictContentSecurityPolicy() throws Exception {
        mvc.perform(get("/").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Xin chào, Nguyễn Thị Hoa")))
                .andExpect(content().string(containsString("Cán bộ cấp xã")))
                .andExpect(header().string("Content-Security-Policy",
                        allOf(containsString("default-src 'self'"),
                                not(containsString("unsafe-inline")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/logout").with(hoa())).andExpect(status().isForbidden());
    }

    @Test
    void signingOutEndsTheSessionAtTheProviderToo() throws Exception {
        String location = mvc.perform(post("/logout").with(hoa()).with(csrf())).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("http://localhost:9000/connect/logout?")
                .contains("post_logout_redirect_uri=http://localhost/");
    }
}
