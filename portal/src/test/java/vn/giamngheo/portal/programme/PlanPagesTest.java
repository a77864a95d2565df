package vn.giamngheo.portal.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.portal.registry.FakeService;

/** The plans and targets pages: the list, the form's bad input (the portal's and the service's), progress. */
class PlanPagesTest extends ProgrammeTest {

    private static final String PUT = "/api/v1/plans/ke-hoach-2026-08716";

    @Test
    void theListShowsThePlansByYearWithEditLinksForTheSoNnmt() throws Exception {
        SERVICES.json("GET", "/api/v1/plans", 200, "[" + PLAN + "]");
        mvc.perform(get("/chuong-trinh/ke-hoach").with(duc())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Năm 2026"),
                        containsString("Kế hoạch giảm nghèo 2026 Phường Vĩnh Phúc"),
                        containsString("Phường Vĩnh Phúc (08716)"), containsString("01/01/2026 – 31/12/2026"),
                        containsString("href=\"/chuong-trinh/ke-hoach/ke-hoach-2026-08716/sua\""))));
        mvc.perform(get("/chuong-trinh/ke-hoach").with(steering())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kế hoạch giảm nghèo 2026 Phường Vĩnh Phúc"),
                        not(containsString("/sua\"")), not(containsString("Thêm kế hoạch")))));
    }

    @Test
    void theSteeringCommitteeReadsButGetsNoForm() throws Exception {
        mvc.perform(get("/chuong-trinh/ke-hoach/moi").with(steering())).andExpect(status().isForbidden());
        mvc.perform(post("/chuong-trinh/ke-hoach/moi").with(steering()).with(csrf()).param("year", "2026")
                .param("area", "08716").param("targets[2].min", "0,5")).andExpect(status().isForbidden());
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void aValueThatIsNotANumberIsRefusedBesideItsRowWithNothingSentAndTheTypedValuesKept() throws Exception {
        mvc.perform(post("/chuong-trinh/ke-hoach/moi").with(duc()).with(csrf())
                        .param("title", "Kế hoạch 2026").param("year", "2026").param("area", "08716")
                        .param("targets[2].min", "nửa điểm").param("targets[4].min", "95"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#targets-2-min\">“nửa điểm” không phải một số."),
                        containsString("id=\"targets-2-min-error\""),
                        containsString("value=\"nửa điểm\""), containsString("value=\"95\""),
                        containsString("value=\"Kế hoạch 2026\""))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void theServicesRefusalOfATargetIsShownBesideTheRowItNames() throws Exception {
        // Two rows filled (2: POOR_RATE, 4: HEALTH_INSURANCE_COVERAGE): the service's targets[1] is the form's row 4.
        SERVICES.refuse("PUT", PUT, "targets[1].min", "a coverage cannot exceed 100 %");
        mvc.perform(post("/chuong-trinh/ke-hoach/moi").with(duc()).with(csrf())
                        .param("title", "Kế hoạch 2026").param("year", "2026").param("area", "08716")
                        .param("targets[2].min", "0,5").param("targets[2].max", "1")
                        .param("targets[4].min", "120"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#targets-4-min\">Tỷ lệ bao phủ không thể quá 100 %."),
                        containsString("id=\"targets-4-min-error\""), containsString("value=\"120\""),
                        containsString("value=\"0,5\""))));
        List<FakeService.Request> sent = SERVICES.changes();
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().authorization()).isEqualTo("Bearer access-token");
        assertThat(sent.getFirst().text()).contains("\"area\":\"08716\"", "\"year\":2026",
                "{\"indicator\":\"POOR_RATE\",\"min\":0.5,\"max\":1}",
                "{\"indicator\":\"HEALTH_INSURANCE_COVERAGE\",\"min\":120,\"max\":null}");
    }

    @Test
    void aPlanThatExistsForTheAreaAndYearIsNotOverwritten() throws Exception {
        SERVICES.json("GET", PUT, 200, PLAN);
        mvc.perform(post("/chuong-trinh/ke-hoach/moi").with(duc()).with(csrf())
                        .param("title", "Kế hoạch khác").param("year", "2026").param("area", "08716")
                        .param("targets[2].min", "0,5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Đã có kế hoạch năm 2026 của Phường Vĩnh Phúc (08716)")));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void aSavedPlanGoesToItsProgressPage() throws Exception {
        SERVICES.json("PUT", PUT, 200, PLAN);
        mvc.perform(post("/chuong-trinh/ke-hoach/moi").with(duc()).with(csrf())
                        .param("title", "Kế hoạch 2026").param("year", "2026").param("area", "08716")
                        .param("targets[0].min", "3").param("targets[2].min", "0,5").param("targets[2].max", "1"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/chuong-trinh/ke-hoach/ke-hoach-2026-08716"));
        assertThat(new String(SERVICES.changes().getFirst().body(), StandardCharsets.UTF_8)).contains(
                "{\"indicator\":\"POOR_HOUSEHOLDS\",\"min\":3,\"max\":null}",
                "{\"indicator\":\"POOR_RATE\",\"min\":0.5,\"max\":1}");
    }

    @Test
    void theEditFormShowsTheTargetsInTheirRows() throws Exception {
        SERVICES.json("GET", PUT, 200, PLAN);
        mvc.perform(get("/chuong-trinh/ke-hoach/ke-hoach-2026-08716/sua").with(duc())).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"targets-2-min\" name=\"targets[2].min\" value=\"0,5\""),
                        containsString("id=\"targets-2-max\" name=\"targets[2].max\" value=\"1\""),
                        containsString("id=\"targets-0-min\" name=\"targets[0].min\" value=\"3\""))));
    }

    @Test
    void theProgressPageShowsTheFiguresAtLoadAndOffersTheLiveScript() throws Exception {
        SERVICES.json("GET", "/api/v1/plans/ke-hoach-2026-08716/progress", 200, progress("39"));
        mvc.perform(get("/chuong-trinh/ke-hoach/ke-hoach-2026-08716").with(steering())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Số liệu ngày 07/12/2026"),
                        containsString("Giảm 0,5–1 điểm %"), containsString(">4,9 %<"), containsString(">39 hộ<"),
                        containsString("Có nguy cơ không đạt"),
                        containsString("data-live=\"/chuong-trinh/ke-hoach/ke-hoach-2026-08716/truc-tiep\""),
                        containsString("src=\"/js/programme-live.js\""), not(containsString("/sua\"")))));
    }

    @Test
    void aDayThatIsNotADateIsRefusedBesideTheField() throws Exception {
        SERVICES.json("GET", PUT, 200, PLAN);
        mvc.perform(get("/chuong-trinh/ke-hoach/ke-hoach-2026-08716").param("ngay", "31/02/2026").with(duc()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"ngay-error\""),
                        containsString("“31/02/2026” không phải một ngày có thật"))));
        assertThat(SERVICES.changes()).isEmpty();
    }
}
