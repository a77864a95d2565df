package vn.giamngheo.portal.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The report page: the forms, areas and plans offered; a download relayed from reporting-service with the person's
 * token and the chosen area and day; a bad day beside its field without calling the service; the service's refusal
 * and an unknown area beside the field, typed values kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportsPageTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
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
    void reset() {
        SERVICES.reset();
        SERVICES.json("GET", "/api/v1/units", 200, """
                [{"code":"05353","name":"Xã Yên Thủy","level":"COMMUNE"},
                 {"code":"08707","name":"Phường Vĩnh Phúc","level":"COMMUNE"}]""");
        SERVICES.json("GET", "/api/v1/plans", 200, """
                [{"id":"phu-tho-2026","title":"Kế hoạch giảm nghèo tỉnh Phú Thọ năm 2026","year":2026,
                  "area":"25","targets":[]}]""");
    }

    OidcLoginRequestPostProcessor duc() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("giamngheo"))
                .idToken(t -> t.subject("so-nnmt").claim("name", "Hoàng Minh Đức")
                        .claim("roles", List.of("LABOUR_OFFICER")).claim("units", List.of("*")));
    }

    @Test
    void thePageOffersTheFormsTheAreasAndThePlans() throws Exception {
        mvc.perform(get("/bao-cao").with(duc())).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Báo cáo theo Thông tư 07/2021/TT-BLĐTBXH"),
                        containsString("Hộ nghèo, hộ cận nghèo theo đặc điểm hộ"),
                        containsString("Tổng hợp kết quả rà soát theo xã, phường"),
                        containsString("theo chỉ số thiếu hụt"),
                        containsString("<option value=\"25\" selected=\"selected\">Toàn tỉnh Phú Thọ (25)</option>"),
                        containsString("<option value=\"05353\">Xã Yên Thủy (05353)</option>"),
                        containsString("Kế hoạch giảm nghèo tỉnh Phú Thọ năm 2026 (2026)"))));
    }

    @Test
    void theCharacteristicsReportIsRelayedWithThePersonsTokenAreaAndDay() throws Exception {
        byte[] file = {'P', 'K', 3, 4, 7};
        SERVICES.bytes("GET", "/api/v1/reports/characteristics.xlsx", XLSX, file);
        mvc.perform(get("/bao-cao/tai-ve").param("form", "dac-diem").param("area", "05353")
                        .param("asOf", "31/10/2025").with(duc()))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", XLSX))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(file));
        FakeService.Request sent = SERVICES.requests().stream()
                .filter(r -> r.path().equals("/api/v1/reports/characteristics.xlsx")).findFirst().orElseThrow();
        assertThat(sent.query()).isEqualTo("area=05353&asOf=2025-10-31");
        assertThat(sent.authorization()).isEqualTo("Bearer access-token");
    }

    @Test
    void theReviewSummaryTakesTheDayAsTheEndOfItsPeriodAndTheProgressReportThePlanAndPeriod() throws Exception {
        SERVICES.bytes("GET", "/api/v1/reports/review-summary.xlsx", XLSX, new byte[] {'P', 'K'});
        SERVICES.bytes("GET", "/api/v1/reports/progress.xlsx", XLSX, new byte[] {'P', 'K'});
        mvc.perform(get("/bao-cao/tai-ve").param("form", "tong-hop").param("area", "25")
                .param("asOf", "30/06/2025").with(duc())).andExpect(status().isOk());
        mvc.perform(get("/bao-cao/tai-ve").param("form", "tien-do").param("plan", "phu-tho-2026")
                .param("period", "H1").with(duc())).andExpect(status().isOk());
        assertThat(SERVICES.requests().stream().filter(r -> r.path().startsWith("/api/v1/reports/"))
                .map(r -> r.path() + "?" + r.query())).containsExactly(
                "/api/v1/reports/review-summary.xlsx?area=25&to=2025-06-30",
                "/api/v1/reports/progress.xlsx?plan=phu-tho-2026&period=H1");
    }

    @Test
    void aDayThatIsNotADateOrBeforeTheFirstDayIsRefusedBesideTheFieldWithoutCallingTheService() throws Exception {
        mvc.perform(get("/bao-cao/tai-ve").param("form", "dac-diem").param("area", "25")
                        .param("asOf", "31/02/2025").with(duc()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#asOf\">“31/02/2025” không phải một ngày có thật."),
                        containsString("id=\"asOf-error\""), containsString("value=\"31/02/2025\""),
                        containsString("Lỗi: Báo cáo"))));
        mvc.perform(get("/bao-cao/tai-ve").param("form", "dac-diem").param("area", "25")
                        .param("asOf", "15/06/2020").with(duc()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Hệ thống có số liệu từ ngày 01/01/2021.")));
        mvc.perform(get("/bao-cao/tai-ve").param("form", "tien-do").param("plan", "")
                        .param("period", "YEAR").with(duc()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#plan\">Hãy chọn kế hoạch.")));
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().startsWith("/api/v1/reports/"));
    }

    @Test
    void anUnknownAreaAndTheServicesRefusalAreBesideTheirFields() throws Exception {
        SERVICES.json("GET", "/api/v1/reports/deprivations.xlsx", 404, """
                {"status":404,"detail":"no area 99999"}""");
        mvc.perform(get("/bao-cao/tai-ve").param("form", "chi-so").param("area", "99999").with(duc()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#area\">Không có địa bàn “99999” vào ngày số liệu đã chọn."),
                        containsString("<option value=\"99999\" selected>99999</option>"))));
        SERVICES.refuse("GET", "/api/v1/reports/characteristics.xlsx", "asOf", "is after today (2026-12-07)");
        mvc.perform(get("/bao-cao/tai-ve").param("form", "dac-diem").param("area", "25").with(duc()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#asOf\">Ngày này sau hôm nay (07/12/2026).")));
    }
}
