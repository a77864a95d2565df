package vn.giamngheo.portal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Resolving a complaint: upheld with the corrected survey answers, or rejected with the reason. */
class ComplaintPageTest extends ReviewStepsTest {

    @BeforeEach
    void complaint() {
        SERVICES.json("GET", ROUND, 200, round("POSTING", "AGREED,AGREED,AGREED", PostingPageTest.POSTING,
                PostingPageTest.COMPLAINT));
        SERVICES.json("GET", "/api/v1/households/h-2", 200, """
                {"id":"h-2","unitCode":"04828","village":"Khu 1","status":"ACTIVE","members":[
                 {"personId":"p-1","fullName":"Nguyễn Thị Hường","dateOfBirth":"1975-03-04","sex":"FEMALE",
                  "relationToHead":"HEAD","status":"ACTIVE"}]}""");
        SERVICES.json("GET", ROUND + "/surveys/h-2", 200, """
                {"roundId":"r-1","householdId":"h-2","status":"AGREED","classification":"NEAR_POOR",
                 "answers":{"annualIncomeVnd":30000000,"memberCount":1}}""");
    }

    @Test
    void theFormShowsTheComplaintAndTheRecordedAnswers() throws Exception {
        mvc.perform(get("/ra-soat/r-1/niem-yet/khieu-nai/c-1").with(officer())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Giải quyết khiếu nại về hộ Nguyễn Thị Hường"),
                        containsString("<dd>Hộ có xe tải, không nghèo</dd>"),
                        containsString("value=\"30.000.000\""),
                        containsString("niêm yết lại đủ 7 ngày làm việc"))));
        mvc.perform(get("/ra-soat/r-1/niem-yet/khieu-nai/c-9").with(officer())).andExpect(status().isNotFound());
    }

    @Test
    void withoutOutcomeReasonOrDayNothingIsSentAndWhatWasTypedIsKept() throws Exception {
        mvc.perform(post("/ra-soat/r-1/niem-yet/khieu-nai/c-1").with(officer()).with(csrf())
                        .param("resolvedOn", "hôm qua").param("annualIncomeVnd", "45.000.000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#outcome\">Hãy chọn kết quả xác minh."),
                        containsString("<a href=\"#resolution\">Hãy ghi kết luận xác minh."),
                        containsString("<a href=\"#resolvedOn\">“hôm qua” không phải"),
                        containsString("value=\"45.000.000\""))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void anUpheldComplaintSendsTheCorrectedAnswersAndTheirErrorsComeBackBesideTheirFields() throws Exception {
        SERVICES.refuse("POST", ROUND + "/complaints/c-1/resolution", "survey.annualIncomeVnd", "must not be negative");
        mvc.perform(post("/ra-soat/r-1/niem-yet/khieu-nai/c-1").with(officer()).with(csrf())
                        .param("outcome", "UPHELD").param("resolution", "Hộ đã bán xe tải từ 2025")
                        .param("resolvedOn", "08/10/2026").param("incomeMode", "ANNUAL")
                        .param("annualIncomeVnd", "24.000.000").param("memberCount", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"annualIncomeVnd-error\"")));
        assertThat(SERVICES.changes().getFirst().text()).startsWith("{\"outcome\":\"UPHELD\",\"resolution\":"
                + "\"Hộ đã bán xe tải từ 2025\",\"resolvedOn\":\"2026-10-08\",\"survey\":{\"householdId\":\"h-2\","
                + "\"annualIncomeVnd\":24000000,\"memberCount\":1");

        SERVICES.json("POST", ROUND + "/complaints/c-1/resolution", 200, round("POSTING", "AGREED,AGREED,AGREED",
                ",\"postingStartedOn\":\"2026-10-08\",\"postingEndsOn\":\"2026-10-16\"", ""));
        mvc.perform(post("/ra-soat/r-1/niem-yet/khieu-nai/c-1").with(officer()).with(csrf())
                        .param("outcome", "UPHELD").param("resolution", "Hộ đã bán xe tải từ 2025")
                        .param("resolvedOn", "08/10/2026").param("incomeMode", "ANNUAL")
                        .param("annualIncomeVnd", "24.000.000").param("memberCount", "1"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("changed", "Đã ghi khiếu nại về hộ Nguyễn Thị Hường là đúng: hộ đã được"
                        + " rà soát lại và danh sách niêm yết lại đến hết ngày 16/10/2026."));
    }

    @Test
    void aRejectedComplaintSendsOnlyTheReason() throws Exception {
        SERVICES.json("POST", ROUND + "/complaints/c-1/resolution", 200, round("POSTING", "AGREED,AGREED,AGREED",
                PostingPageTest.POSTING, ""));
        mvc.perform(post("/ra-soat/r-1/niem-yet/khieu-nai/c-1").with(officer()).with(csrf())
                        .param("outcome", "REJECTED").param("resolution", "Xe tải là của người thuê nhà")
                        .param("resolvedOn", "08/10/2026").param("annualIncomeVnd", "24.000.000"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("changed",
                        "Đã ghi khiếu nại về hộ Nguyễn Thị Hường là không đúng; kết quả niêm yết được giữ nguyên."));
        assertThat(SERVICES.changes().getFirst().text()).isEqualTo("{\"outcome\":\"REJECTED\",\"resolution\":"
                + "\"Xe tải là của người thuê nhà\",\"resolvedOn\":\"2026-10-08\"}");
    }
}
