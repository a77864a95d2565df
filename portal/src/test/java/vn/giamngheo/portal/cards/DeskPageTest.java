package vn.giamngheo.portal.cards;

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
import vn.giamngheo.portal.registry.FakeService;

/**
 * What the card and message page tests share: household-service, notification-service and reporting-service as one
 * fake (their paths do not overlap), policy down; the health-insurance officer and the Sở NN&MT to sign in as.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class DeskPageTest {

    /** Lives as long as the test JVM: the cached Spring context keeps pointing at it. */
    protected static final FakeService SERVICES = new FakeService();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.services.household", SERVICES::url);
        registry.add("portal.services.notification", SERVICES::url);
        registry.add("portal.services.reporting", SERVICES::url);
        registry.add("portal.services.policy", FakeService::down);
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void units() {
        SERVICES.reset();
        SERVICES.json("GET", "/api/v1/units", 200, """
                [{"code":"08707","name":"Phường Vĩnh Yên","level":"COMMUNE"},
                 {"code":"08716","name":"Phường Vĩnh Phúc","level":"COMMUNE"}]""");
    }

    /** The health-insurance officer (bhyt): every unit, department HEALTH_INSURANCE. */
    protected OidcLoginRequestPostProcessor hanh() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("giamngheo"))
                .idToken(t -> t.subject("bhyt").claim("name", "Đặng Thị Hạnh")
                        .claim("roles", List.of("DEPARTMENT_OFFICER")).claim("units", List.of("*"))
                        .claim("department", "HEALTH_INSURANCE"));
    }

    /** The Sở NN&MT (so-nnmt): the Labour office, every unit. */
    protected OidcLoginRequestPostProcessor duc() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("giamngheo"))
                .idToken(t -> t.subject("so-nnmt").claim("name", "Hoàng Minh Đức")
                        .claim("roles", List.of("LABOUR_OFFICER")).claim("units", List.of("*")));
    }

    /** The requests made to the fake other than the units list. */
    protected static List<FakeService.Request> calls() {
        return SERVICES.requests().stream().filter(r -> !r.path().equals("/api/v1/units")).toList();
    }
}
