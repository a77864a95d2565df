package vn.giamngheo.portal.programme;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.List;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import vn.giamngheo.portal.registry.RegistryFormTest;

/**
 * What the programme page tests share: the fakes of the registry form tests (reporting-service among them), and the
 * Sở NN&MT's officer or the steering committee signed in.
 */
abstract class ProgrammeTest extends RegistryFormTest {

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
