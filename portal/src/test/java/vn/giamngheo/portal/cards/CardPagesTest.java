package vn.giamngheo.portal.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.portal.registry.FakeService;

/** The health-insurance officer's pages: card requests (filters, the reason, "Gửi lại") and coverage per commune. */
class CardPagesTest extends DeskPageTest {

    private static final String FAILED = """
            {"id":"card:d-1:1","kind":"ISSUE","householdId":"h-1","personId":"p-1","sharePercent":100,
             "status":"FAILED","attempts":1,"round":0,
             "lastError":"BHXH rejected the request: citizen id not found in the national population database",
             "createdAt":"2026-11-12T03:00:00Z","updatedAt":"2026-11-12T03:00:05Z"}""";
    private static final String ISSUED = """
            {"id":"card:d-2:1","kind":"ISSUE","householdId":"h-2","personId":"p-9","sharePercent":70,
             "status":"ISSUED","attempts":3,"round":0,"lastError":null,"cardNumber":"CN3250000000042",
             "cardValidFrom":"2026-11-12","cardValidTo":"2027-11-11",
             "createdAt":"2026-11-10T03:00:00Z","updatedAt":"2026-11-10T03:00:05Z"}""";

    @Test
    void theListAsksForTheFiltersNewestFirstAndShowsWhyACardFailedWithItsButton() throws Exception {
        SERVICES.json("GET", "/api/v1/card-requests", 200, "[" + FAILED + "," + ISSUED + "]");
        mvc.perform(get("/the-bhyt").with(hanh()).param("status", "FAILED").param("unitCode", "08716")
                        .param("from", "1/11/2026").param("to", "30/11/2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("BHXH từ chối yêu cầu: không tìm thấy người này trong Cơ sở dữ liệu quốc gia"
                                + " về dân cư"),
                        containsString("action=\"/the-bhyt/card:d-1:1/gui-lai\""),
                        containsString("name=\"_csrf\""),
                        containsString("CN3250000000042"),
                        containsString("<option value=\"08716\" selected=\"selected\">Phường Vĩnh Phúc (08716)"))));
        List<FakeService.Request> asked = calls();
        assertThat(asked).hasSize(1);
        assertThat(asked.getFirst().path()).isEqualTo("/api/v1/card-requests");
        assertThat(asked.getFirst().query()).contains("order=newest", "status=FAILED", "unitCode=08716",
                "from=2026-11-01", "to=2026-11-30");
        assertThat(asked.getFirst().authorization()).startsWith("Bearer ");
        // Only the FAILED request has the button.
        String page = mvc.perform(get("/the-bhyt").with(hanh())).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("/the-bhyt/card:d-2:1/gui-lai");
    }

    @Test
    void aFilterThatIsNotADayIsAnErrorBesideItsFieldAndNothingIsAsked() throws Exception {
        mvc.perform(get("/the-bhyt").with(hanh()).param("from", "31/02/2026").param("status", "BURNT")
                        .param("unitCode", "8716"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#from\">“31/02/2026” không phải một ngày có thật."),
                        containsString("id=\"from-error\""),
                        containsString("value=\"31/02/2026\""),
                        containsString("<a href=\"#status\">Hãy chọn một trạng thái trong danh sách."),
                        containsString("<a href=\"#unitCode\">"))));
        assertThat(calls()).isEmpty();
    }

    @Test
    void theRetryButtonPostsTheRetryAndComesBackToTheHouseholdsRequestsWithABanner() throws Exception {
        SERVICES.json("POST", "/api/v1/card-requests/card:d-1:1/retry", 200,
                FAILED.replace("\"FAILED\"", "\"PENDING\"").replace("\"round\":0", "\"round\":1"));
        mvc.perform(post("/the-bhyt/card:d-1:1/gui-lai").with(hanh()).with(csrf()).param("householdId", "h-1"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/the-bhyt?householdId=h-1"))
                .andExpect(flash().attribute("changed", containsString("Đã gửi lại yêu cầu tới BHXH")));
        assertThat(SERVICES.changes()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/api/v1/card-requests/card:d-1:1/retry");
            assertThat(r.authorization()).startsWith("Bearer ");
        });
        // The page it comes back to shows the banner and asks for that household's requests.
        SERVICES.json("GET", "/api/v1/card-requests", 200, "[]");
        mvc.perform(get("/the-bhyt").with(hanh()).param("householdId", "h-1")
                        .flashAttr("changed", "Đã gửi lại yêu cầu tới BHXH."))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("class=\"notice notice-success\""),
                        containsString("Đã gửi lại yêu cầu tới BHXH."), containsString("Đang xem các dòng của hộ mã h-1"))));
        assertThat(calls().getLast().query()).contains("householdId=h-1");
    }

    @Test
    void aRetryRefusedWith409SaysSoPlainly() throws Exception {
        SERVICES.json("POST", "/api/v1/card-requests/card:d-1:1/retry", 409, """
                {"status":409,"detail":"status: only a FAILED request can be retried; this one is ISSUED",
                 "errors":[{"field":"status","reason":"only a FAILED request can be retried; this one is ISSUED"}]}""");
        mvc.perform(post("/the-bhyt/card:d-1:1/gui-lai").with(hanh()).with(csrf()).param("householdId", "h-1"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/the-bhyt?householdId=h-1"))
                .andExpect(flash().attribute("refused", List.of("Yêu cầu này không còn ở trạng thái “Không thành công”"
                        + " (hiện là “Đã cấp”), nên không gửi lại được. Có thể người khác vừa gửi lại.")));
        SERVICES.json("GET", "/api/v1/card-requests", 200, "[]");
        mvc.perform(get("/the-bhyt").with(hanh()).flashAttr("refused", List.of("Yêu cầu này không còn …")))
                .andExpect(content().string(allOf(containsString("Chưa thực hiện được"),
                        containsString("Yêu cầu này không còn …"), not(containsString("status:")))));
    }

    @Test
    void noRetryWithoutTheFormsCsrfToken() throws Exception {
        mvc.perform(post("/the-bhyt/card:d-1:1/gui-lai").with(hanh()))
                .andExpect(status().isForbidden());
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void coverageListsTheProvincesCommunesFurthestFromTheTargetFirstWithTheGapInPeople() throws Exception {
        SERVICES.json("GET", "/api/v1/areas/25/units", 200, """
                {"area":{"code":"25","name":"Tỉnh Phú Thọ"},"asOf":"2026-11-30",
                 "total":{"area":"25","areaName":"Tỉnh Phú Thọ","healthInsurance":{"eligible":1200,"covered":1100,
                   "percent":91.67,"note":"Người từ 6 tuổi trở lên trong hộ nghèo, hộ cận nghèo"}},
                 "units":[
                  {"area":"08707","areaName":"Phường Vĩnh Yên","healthInsurance":{"eligible":200,"covered":200,"percent":100.00}},
                  {"area":"08716","areaName":"Phường Vĩnh Phúc","healthInsurance":{"eligible":1000,"covered":900,"percent":90.00}},
                  {"area":"04891","areaName":"Xã Tiền Phong","healthInsurance":{"eligible":0,"covered":0,"percent":null}}]}""");
        String page = mvc.perform(get("/the-bhyt/bao-phu").with(hanh()).param("asOf", "30/11/2026"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1.200", "91,7 %", "100 người", "Tỷ lệ bao phủ của Phường Vĩnh Phúc",
                "Không có ai cần thẻ");
        assertThat(page.indexOf("Phường Vĩnh Phúc</th>")).isLessThan(page.indexOf("Phường Vĩnh Yên</th>"));
        assertThat(calls().getFirst().query()).isEqualTo("asOf=2026-11-30");

        mvc.perform(get("/the-bhyt/bao-phu").with(hanh()).param("asOf", "30/13/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#asOf\">“30/13/2026” không phải một ngày có thật.")));
    }
}
