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
 * What the registry form tests (and the programme pages' tests) share: household-service, notification-service and
 * reporting-service as one fake (their paths do not overlap), policy down, and the ward officer of 08707 signed in.
 * One Spring context for all of them.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class RegistryFormTest {

    /** Lives as long as the test JVM: the cached Spring context keeps pointing at it. */
    protected static final FakeService SERVICES = new FakeService();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.services.household", SERVICES::url);
        registry.add("portal.services.notification", SERVICES::url);
        registry.add("portal.services.policy", FakeService::down);
        registry.add("portal.services.reporting", SERVICES::url);
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected ClientRegistrationRepository registrations;

    @BeforeEach
    protected void units() {
        SERVICES.reset();
        SERVICES.json("GET", "/api/v1/units", 200, """
                [{"code":"08707","name":"Phường Vĩnh Phúc","level":"COMMUNE"},
                 {"code":"08716","name":"Phường Vĩnh Phúc","level":"COMMUNE"}]""");
    }

    protected OidcLoginRequestPostProcessor hoa() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("giamngheo"))
                .idToken(t -> t.subject("can-bo-08707").claim("name", "Nguyễn Thị Hoa")
                        .claim("roles", List.of("WARD_OFFICER")).claim("units", List.of("08707")));
    }

    /** A household of 08707 with a head and a child, as household-service answers GET /api/v1/households/h-1. */
    protected static final String HOUSEHOLD = """
            {"id":"h-1","unitCode":"08707","unitSince":"2025-07-01","village":"Tổ dân phố 3","version":3,
             "status":"ACTIVE","currentClass":"POOR","members":[
              {"personId":"p-1","fullName":"Nguyễn Văn Bình","dateOfBirth":"1970-03-04","sex":"MALE",
               "citizenId":"026070000001","relationToHead":"HEAD","status":"ACTIVE","sensitive":{"ethnicity":"Kinh"}},
              {"personId":"p-2","fullName":"Nguyễn Thị Cúc","dateOfBirth":"2005-06-07","sex":"FEMALE",
               "citizenId":null,"relationToHead":"CHILD","status":"ACTIVE"}]}""";
}
