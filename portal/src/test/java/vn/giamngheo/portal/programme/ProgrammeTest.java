package vn.giamngheo.portal.programme;

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
 * What the programme page tests share: reporting-service and household-service (the units) as one fake, the others
 * down, and the Sở NN&MT's officer (or the steering committee) signed in. One Spring context for all of them.
 */
@SpringBootTest(properties = "portal.programme.stream-lifetime=20s")
@AutoConfigureMockMvc
abstract class ProgrammeTest {

    static final FakeService SERVICES = new FakeService();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.services.household", SERVICES::url);
        registry.add("portal.services.reporting", SERVICES::url);
        registry.add("portal.services.notification", FakeService::down);
        registry.add("portal.services.policy", FakeService::down);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void units() {
        SERVICES.reset();
        SERVICES.json("GET", "/api/v1/units", 200, """
                [{"code":"08716","name":"Phường Vĩnh Phúc","level":"COMMUNE"},
                 {"code":"08707","name":"Phường Vĩnh Yên","level":"COMMUNE"}]""");
    }

    OidcLoginRequestPostProcessor duc() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("giamngheo"))
                .idToken(t -> t.subject("so-nnmt").claim("name", "Hoàng Minh Đức")
                        .claim("roles", List.of("LABOUR_OFFICER")).claim("units", List.of("*")));
    }

    OidcLoginRequestPostProcessor steering() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("giamngheo"))
                .idToken(t -> t.subject("ban-chi-dao").claim("name", "Phan Văn Long")
                        .claim("roles", List.of("STEERING_VIEWER")).claim("units", List.of()));
    }

    static final String PLAN = """
            {"id":"ke-hoach-2026-08716","title":"Kế hoạch giảm nghèo 2026 Phường Vĩnh Phúc","basis":null,
             "area":"08716","year":2026,"from":"2026-01-01","to":"2026-12-31",
             "targets":[{"indicator":"POOR_RATE","min":0.5,"max":1},{"indicator":"POOR_HOUSEHOLDS","min":3,"max":null}]}""";

    static String progress(String poorNow) {
        return """
                {"plan":%s,"areaName":"Phường Vĩnh Phúc","asOf":"2026-12-07","baselineDate":"2025-12-31",
                 "elapsedPercent":93.2,"targets":[
                  {"indicator":"POOR_RATE","name":"Tỷ lệ hộ nghèo","unit":"%%","goal":"REDUCE","targetMin":0.5,
                   "targetMax":1,"baseline":5.2,"current":4.9,"achieved":0.3,"projected":4.88,"percentOfTarget":60.0,
                   "status":"AT_RISK"},
                  {"indicator":"POOR_HOUSEHOLDS","name":"Số hộ nghèo","unit":"hộ","goal":"REDUCE","targetMin":3,
                   "targetMax":null,"baseline":40,"current":%s,"achieved":1,"projected":39,"percentOfTarget":33.3,
                   "status":"AT_RISK"}]}""".formatted(PLAN, poorNow);
    }
}
