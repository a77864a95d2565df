package vn.giamngheo.portal.review;

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
 * What the meeting, posting, decision, document and template page tests share: household-service as a fake, the
 * other services down, the officer and the chairman of 04828, and a round of 04828 with three surveyed households.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ReviewStepsTest {

    static final FakeService SERVICES = new FakeService();
    static final String ROUND = "/api/v1/review-rounds/r-1";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.services.household", SERVICES::url);
        registry.add("portal.services.notification", FakeService::down);
        registry.add("portal.services.policy", FakeService::down);
        registry.add("portal.services.reporting", FakeService::down);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void round() {
        SERVICES.reset();
        SERVICES.json("GET", ROUND + "/households", 200, HOUSEHOLDS);
    }

    OidcLoginRequestPostProcessor officer() {
        return person("can-bo-04828", "Hà Thị Lan", "WARD_OFFICER");
    }

    OidcLoginRequestPostProcessor chairman() {
        return person("chu-tich-04828", "Đinh Văn Quang", "COMMUNE_CHAIRMAN");
    }

    OidcLoginRequestPostProcessor admin() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("giamngheo"))
                .idToken(t -> t.subject("quan-tri").claim("name", "Quản trị").claim("roles", List.of("CITY_ADMIN"))
                        .claim("units", List.of("*")));
    }

    private OidcLoginRequestPostProcessor person(String login, String name, String role) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("giamngheo"))
                .idToken(t -> t.subject(login).claim("name", name).claim("roles", List.of(role))
                        .claim("units", List.of("04828")));
    }

    static String round(String state, String statuses, String extra) {
        return round(state, statuses, "", extra);
    }

    /**
     * The round in {@code state} (with {@code roundExtra} JSON members, such as its posting days), its three surveys
     * with {@code statuses}, and {@code extra} JSON members of the view (complaints, blockers).
     */
    static String round(String state, String statuses, String roundExtra, String extra) {
        String[] s = statuses.split(",");
        return """
                {"round":{"id":"r-1","unitCode":"04828","kind":"ANNUAL","referenceDate":"2026-09-15",
                  "standard":"VN-MPS-2027-2030","postingWorkingDays":7,"state":"%s"%s%s},
                 "decisionTakesEffectOn":"2027-01-01",
                 "surveys":[
                  {"roundId":"r-1","householdId":"h-1","status":"%s","classification":"POOR","votes":%s},
                  {"roundId":"r-1","householdId":"h-2","status":"%s","classification":"NEAR_POOR","votes":%s},
                  {"roundId":"r-1","householdId":"h-3","status":"%s","classification":"MIDDLE","votes":%s}]%s}"""
                .formatted(state, state.equals("OPEN") ? "" : ",\"lastMeetingOn\":\"2026-10-01\"", roundExtra, s[0],
                        votes(s[0]), s[1], votes(s[1]), s[2], votes(s[2]), extra);
    }

    private static String votes(String status) {
        return status.equals("SURVEYED") ? "[]" : "[{\"date\":\"2026-10-01\",\"participants\":20,\"agreeing\":"
                + (status.equals("AGREED") ? 15 : 4) + "}]";
    }

    static final String HOUSEHOLDS = """
            {"roundId":"r-1","households":[
             {"householdId":"h-1","headName":"Lò Văn Đức","village":"Khu 1","memberCount":4,"classInForce":"POOR",
              "why":["CURRENT_LIST"]},
             {"householdId":"h-2","headName":"Nguyễn Thị Hường","village":"Khu 1","memberCount":3,
              "classInForce":"POOR","why":["CURRENT_LIST"]},
             {"householdId":"h-3","headName":"Trần Văn Ấn","village":"Khu 2","memberCount":2,
              "classInForce":"NEAR_POOR","why":["FORM_04"]},
             {"householdId":"h-4","headName":"Phạm Thị Yến","village":"Khu 2","memberCount":5,"classInForce":"POOR",
              "why":["CURRENT_LIST"],"survey":null}]}""";
}
