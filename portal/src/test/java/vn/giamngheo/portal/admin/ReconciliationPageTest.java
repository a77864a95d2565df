package vn.giamngheo.portal.admin;

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

import org.junit.jupiter.api.Test;
import vn.giamngheo.portal.registry.RemainingPagesTest;

/** The administrator runs reporting-service's reconciliation and reads its result: 0 differences, or which. */
class ReconciliationPageTest extends RemainingPagesTest {

    static final String CLEAN = """
            {"startedAt":"2026-12-07T03:00:00Z","millis":4250,"eventsRead":5321,"unreadable":0,"householdsLive":1102,
             "householdsRebuilt":1102,"areasCompared":160,"datesCompared":24,"differenceCount":0,"differences":[],
             "drifts":[],"sameCut":true,"rounds":1}""";

    @Test
    void beforeAnyRunThePageSaysSoThenARunShowsZeroDifferences() throws Exception {
        SERVICES.json("GET", "/api/v1/reconciliation", 204, "");
        mvc.perform(get("/quan-tri/doi-soat").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Chưa chạy đối soát lần nào"),
                        containsString("<button type=\"submit\" class=\"button\">Chạy đối soát</button>"))));
        SERVICES.json("POST", "/api/v1/reconciliation", 200, CLEAN);
        mvc.perform(post("/quan-tri/doi-soat").with(admin()).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/quan-tri/doi-soat"));
        assertThat(SERVICES.changes()).singleElement()
                .satisfies(r -> assertThat(r.authorization()).startsWith("Bearer "));
        SERVICES.json("GET", "/api/v1/reconciliation", 200, CLEAN);
        mvc.perform(get("/quan-tri/doi-soat").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("0 chênh lệch"), containsString("5.321"),
                        containsString("1.102 / 1.102"), containsString("160 địa bàn, 24 ngày"),
                        containsString("4,3 giây"), containsString("10:00 07/12/2026"))));
    }

    @Test
    void differencesAreListedWithTheirAreaDayAndBothValues() throws Exception {
        SERVICES.json("GET", "/api/v1/reconciliation", 200, CLEAN.replace("\"differenceCount\":0,\"differences\":[]",
                "\"differenceCount\":1,\"differences\":[{\"area\":\"08707\",\"date\":\"2026-11-30\","
                        + "\"field\":\"poorHouseholds\",\"live\":12,\"rebuilt\":13}]")
                .replace("\"drifts\":[]", "\"drifts\":[{\"householdId\":\"h-1\",\"aggregateId\":\"h-1\"}]"));
        mvc.perform(get("/quan-tri/doi-soat").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("1 chênh lệch giữa số liệu dựng lại"),
                        containsString("Phường Vĩnh Phúc (08707)"), containsString("30/11/2026"),
                        containsString(">12</td>"), containsString(">13</td>"),
                        containsString("href=\"/ho-gia-dinh/h-1\""), not(containsString("0 chênh lệch:")))));
    }

    @Test
    void onlyTheAdministratorRunsItAndSeesItsLink() throws Exception {
        mvc.perform(get("/quan-tri/doi-soat").with(soNnmt()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bạn không được xem trang này")));
        mvc.perform(post("/quan-tri/doi-soat").with(soNnmt()).with(csrf())).andExpect(status().isForbidden());
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().equals("/api/v1/reconciliation"));
        mvc.perform(get("/").with(soNnmt())).andExpect(content().string(not(containsString("/quan-tri/doi-soat"))));
        mvc.perform(get("/").with(admin())).andExpect(content().string(containsString("href=\"/quan-tri/doi-soat\"")));
    }

    @Test
    void withoutCsrfNothingRuns() throws Exception {
        mvc.perform(post("/quan-tri/doi-soat").with(admin())).andExpect(status().isForbidden());
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void reportingServiceDownIsSaidWithA503() throws Exception {
        down(SERVICES, "POST", "/api/v1/reconciliation");
        mvc.perform(post("/quan-tri/doi-soat").with(admin()).with(csrf()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Hệ thống báo cáo không trả lời")));
    }
}
