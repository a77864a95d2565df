package vn.giamngheo.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The portal's sign-in as a browser and the portal do it, over HTTP against the running provider: authorization code
 * with PKCE, the sign-in form with its CSRF token, the token exchange, the claims the services read, and sign-out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInFlowIT {

    @LocalServerPort
    int port;

    Browser browser;
    NimbusJwtDecoder keys;

    @BeforeEach
    void freshBrowser() {
        browser = new Browser(port);
        // Checks the signature against the provider's published keys: the same JWK set the services trust.
        keys = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks").build();
    }

    @Test
    void aPersonSignsInWithCodeAndPkceAndTheTokensNameThem() throws ParseException {
        Map<String, Object> tokens = signIn("can-bo-08707", "demo");

        Jwt access = keys.decode((String) tokens.get("access_token"));
        assertThat(access.getSubject()).isEqualTo("can-bo-08707");
        assertThat(access.getClaimAsString("name")).isEqualTo("Nguyễn Thị Hoa");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("WARD_OFFICER");
        assertThat(access.getClaimAsStringList("units")).containsExactly("08707");
        assertThat(access.hasClaim("department")).isFalse();
        assertThat(access.getAudience()).contains("giamngheo");
        assertThat(access.getIssuer()).hasToString("http://localhost:9000");

        Jwt id = keys.decode((String) tokens.get("id_token"));
        assertThat(id.getSubject()).isEqualTo("can-bo-08707");
        assertThat(id.getClaimAsString("name")).isEqualTo("Nguyễn Thị Hoa");
        assertThat(id.getClaimAsStringList("roles")).containsExactly("WARD_OFFICER");
        assertThat(id.getClaimAsStringList("units")).containsExactly("08707");
        assertThat(id.getAudience()).containsExactly("portal");
        assertThat(id.getClaimAsString("nonce")).isEqualTo("n-s1");
        assertThat(tokens.get("refresh_token")).isNotNull();

        HttpResponse<String> userInfo = browser.bearer("/userinfo", (String) tokens.get("access_token"));
        assertThat(userInfo.statusCode()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(userInfo.body())).containsEntry("sub", "can-bo-08707")
                .containsEntry("name", "Nguyễn Thị Hoa");
    }

    @Test
    void theProvidersSessionCookieDoesNotTakeThePortalsName() {
        HttpResponse<String> page = browser.get("/login");

        assertThat(page.headers().allValues("Set-Cookie")).singleElement().asString()
                .startsWith("GIAMNGHEO_AUTH_SESSION=").contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void theSignInPageIsVietnameseLabelledAndSelfContained() {
        String page = browser.get("/login").body();

        assertThat(page).contains("<html lang=\"vi\"").contains("<label for=\"ten-dang-nhap\">Tên đăng nhập</label>")
                .contains("<label for=\"mat-khau\">Mật khẩu</label>").contains("autocomplete=\"current-password\"")
                .doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http");
    }

    @Test
    void aDepartmentOfficersTokensCarryTheDepartmentAndTheWholeProvince() throws ParseException {
        Jwt access = keys.decode((String) signIn("giao-duc", "demo").get("access_token"));

        assertThat(access.getClaimAsString("name")).isEqualTo("Bùi Thị Hằng");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("DEPARTMENT_OFFICER");
        assertThat(access.getClaimAsStringList("units")).containsExactly("*");
        assertThat(access.getClaimAsString("department")).isEqualTo("EDUCATION");
    }

    @Test
    void aWrongPasswordAndAnUnknownLoginGetTheSameVietnameseRefusal() {
        String wrongPassword = refusal("can-bo-08707", "khong-dung");
        String unknownLogin = refusal("khong-co-ai", "demo");

        assertThat(wrongPassword).contains("Tên đăng nhập hoặc mật khẩu không đúng")
                .contains("value=\"can-bo-08707\"").contains("role=\"alert\"");
        assertThat(unknownLogin).contains("Tên đăng nhập hoặc mật khẩu không đúng");
    }

    @Test
    void theSignInFormRefusesAPostWithoutItsCsrfToken() {
        browser.get("/login");

        HttpResponse<String> forged = browser.post("/login", Map.of("username", "can-bo-08707", "password", "demo"));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void fiveWrongPasswordsLockTheLoginEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            browser.signIn("bhyt", "doan-mo-" + i);
        }

        HttpResponse<String> right = browser.signIn("bhyt", "demo");

        assertThat(Browser.location(right)).endsWith("/login?error=locked");
        assertThat(browser.get("/login?error=locked").body()).contains("Tài khoản tạm khóa").contains("15 phút");
        assertThat(new Browser(port).signIn("nhcsxh", "demo").headers().firstValue("Location").orElseThrow())
                .as("another login is not locked").doesNotContain("error");
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        HttpResponse<String> response = browser.get(browser.authorizeUri(null, "s1"));

        Map<String, String> back = Browser.query(Browser.location(response));
        assertThat(back).containsEntry("error", "invalid_request").doesNotContainKey("code");
    }

    @Test
    void aCodeIsWorthNothingWithoutItsVerifier() {
        String code = code("can-bo-08716", "demo", Browser.Pkce.fresh());

        HttpResponse<String> refused = browser.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", Browser.REDIRECT_URI));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
    }

    @Test
    void signingOutEndsTheProviderSessionAndTheRefreshToken() throws ParseException {
        Map<String, Object> tokens = signIn("chu-tich-08707", "demo");

        HttpResponse<String> logout = browser.get("/connect/logout?id_token_hint=" + tokens.get("id_token")
                + "&post_logout_redirect_uri=" + Browser.POST_LOGOUT_URI + "&state=bye");

        assertThat(Browser.location(logout)).isEqualTo(Browser.POST_LOGOUT_URI + "?state=bye");
        HttpResponse<String> again = browser.get(browser.authorizeUri(Browser.Pkce.fresh(), "s2"));
        assertThat(Browser.location(again)).as("the password is asked again").endsWith("/login");
        HttpResponse<String> refresh = browser.token(Map.of("grant_type", "refresh_token", "refresh_token",
                (String) tokens.get("refresh_token")));
        assertThat(refresh.statusCode()).isEqualTo(400);
    }

    @Test
    void machineClientsKeepTheirClientCredentialsAndCarryNoName() throws ParseException {
        HttpResponse<String> response = browser.machineToken("ward-officer-08707", "demo");

        Jwt access = keys.decode((String) JSONObjectUtils.parse(response.body()).get("access_token"));
        assertThat(access.getSubject()).isEqualTo("ward-officer-08707");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("WARD_OFFICER");
        assertThat(access.getClaimAsStringList("units")).containsExactly("08707");
        assertThat(access.hasClaim("name")).isFalse();
        assertThat(access.getAudience()).contains("giamngheo");
    }

    /** The whole flow: authorize, sign in, authorize again with the session, exchange the code with the verifier. */
    private Map<String, Object> signIn(String login, String password) throws ParseException {
        Browser.Pkce pkce = Browser.Pkce.fresh();
        String code = code(login, password, pkce);
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", code);
        exchange.put("redirect_uri", Browser.REDIRECT_URI);
        exchange.put("code_verifier", pkce.verifier());
        HttpResponse<String> tokens = browser.token(exchange);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSONObjectUtils.parse(tokens.body());
    }

    private String code(String login, String password, Browser.Pkce pkce) {
        HttpResponse<String> authorize = browser.get(browser.authorizeUri(pkce, "s1"));
        assertThat(Browser.location(authorize)).as("a person without a session is sent to sign in").endsWith("/login");
        HttpResponse<String> signedIn = browser.signIn(login, password);
        String onward = Browser.location(signedIn);
        assertThat(onward).as("back to the authorization request").contains("/oauth2/authorize");
        Map<String, String> back = Browser.query(Browser.location(browser.get(onward)));
        assertThat(back).containsEntry("state", "s1").containsKey("code");
        return back.get("code");
    }

    private String refusal(String login, String password) {
        HttpResponse<String> refused = browser.signIn(login, password);
        assertThat(Browser.location(refused)).endsWith("/login?error");
        return browser.get("/login?error").body();
    }
}
