package vn.giamngheo.portal.registry;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the tests of the remaining calls' pages share (a split unit's successor, a household's applications,
 * simulations, reconciliation, a household's events): household-, notification- and reporting-service as one fake
 * (their paths do not overlap), policy-service as another, one Spring context, and the people who use the pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class RemainingPagesTest {

    protected static final FakeService SERVICES = new FakeService();
    protected static final FakeService POLICY = new FakeService();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.services.household", SERVICES::url);
        registry.add("portal.services.notification", SERVICES::url);
        registry.add("portal.services.policy", POLICY::url);
        registry.add("portal.services.reporting", SERVICES::url);
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected ClientRegistrationRepository registrations;

    /** 04891 as it was before 2025-07-01 (Xã Vầy Nưa) lists both successors; the fake answers every date alike. */
    @BeforeEach
    protected void units() {
        SERVICES.reset();
        POLICY.reset();
        SERVICES.json("GET", "/api/v1/units", 200, """
                [{"code":"08707","name":"Phường Vĩnh Phúc","level":"COMMUNE"},
                 {"code":"04828","name":"Phường Thống Nhất","level":"COMMUNE"},
                 {"code":"04891","name":"Xã Tiền Phong","level":"COMMUNE","successors":["04828","04891"]}]""");
        SERVICES.json("GET", "/api/v1/households/h-1", 200, RegistryFormTest.HOUSEHOLD);
    }

    protected OidcLoginRequestPostProcessor person(String login, String role, String unit) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("giamngheo"))
                .idToken(t -> t.subject(login).claim("name", "Người dùng " + login).claim("roles", List.of(role))
                        .claim("units", List.of(unit)));
    }

    /** The ward officer of 08707. */
    protected OidcLoginRequestPostProcessor hoa() {
        return person("can-bo-08707", "WARD_OFFICER", "08707");
    }

    protected OidcLoginRequestPostProcessor chairman() {
        return person("chu-tich-08707", "COMMUNE_CHAIRMAN", "08707");
    }

    /** The Sở NN&MT. */
    protected OidcLoginRequestPostProcessor soNnmt() {
        return person("so-nnmt", "LABOUR_OFFICER", "*");
    }

    protected OidcLoginRequestPostProcessor admin() {
        return person("quan-tri", "CITY_ADMIN", "*");
    }

    /** A 503 problem: the service is there but cannot serve (its database down). */
    protected static void down(FakeService service, String method, String path) {
        service.json(method, path, 503, "{\"status\":503,\"detail\":\"MongoDB is not available\"}");
    }
}
