package vn.giamngheo.portal.review;

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

import org.junit.jupiter.api.Test;

/** The posting: its start (the end in working days from the service), complaints recorded and resolved. */
class PostingPageTest extends ReviewStepsTest {

    static final String POSTING = ",\"postingStartedOn\":\"2026-10-05\",\"postingEndsOn\":\"2026-10-13\"";
    static final String COMPLAINT = """
            ,"complaints":[{"id":"c-1","roundId":"r-1","householdId":"h-2","text":"Hộ có xe tải, không nghèo",
              "filedOn":"2026-10-06","status":"OPEN"}]""";

    @Test
    void aBadStartDateIsSaidBesideItAndNothingIsSent() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("VILLAGE_MEETING", "AGREED,AGREED,AGREED", ""));
        mvc.perform(post("/ra-soat/r-1/niem-yet").with(officer()).with(csrf()).param("startDate", "5/13/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#startDate\">“5/13/2026” không phải"),
                        containsString("id=\"startDate-error\""), containsString("value=\"5/13/2026\""))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void theServicesReasonAboutTheStartIsShownBesideIt() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("VILLAGE_MEETING", "AGREED,AGREED,AGREED", ""));
        SERVICES.refuse("POST", ROUND + "/posting", "startDate", "posting cannot start before the meeting of 2026-10-01");
        mvc.perform(post("/ra-soat/r-1/niem-yet").with(officer()).with(csrf()).param("startDate", "30/09/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "<a href=\"#startDate\">Không niêm yết trước ngày họp thôn 01/10/2026.</a>")));
    }

    @Test
    void aStartedPostingShowsItsEndInWorkingDaysAndTheList() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("VILLAGE_MEETING", "AGREED,AGREED,AGREED", ""));
        SERVICES.json("POST", ROUND + "/posting", 200, round("POSTING", "AGREED,AGREED,AGREED", POSTING, ""));
        mvc.perform(post("/ra-soat/r-1/niem-yet").with(officer()).with(csrf()).param("startDate", "05/10/2026"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/ra-soat/r-1/niem-yet"))
                .andExpect(flash().attribute("changed",
                        "Đã bắt đầu niêm yết từ 05/10/2026; kết thúc ngày 13/10/2026 (đủ 7 ngày làm việc)."));
        assertThat(SERVICES.changes().getFirst().text()).isEqualTo("{\"startDate\":\"2026-10-05\"}");
        SERVICES.json("GET", ROUND, 200, round("POSTING", "AGREED,AGREED,AGREED", POSTING,
                ",\"canDecideFrom\":\"2026-10-14\""));
        mvc.perform(get("/ra-soat/r-1/niem-yet").with(officer())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("13/10/2026 (đủ 7 ngày làm việc)"),
                        containsString("href=\"/ra-soat/r-1/tai-lieu/posting-list.pdf\""),
                        containsString("<option value=\"h-3\">Trần Văn Ấn — Khu 2</option>"),
                        containsString("Chưa có khiếu nại nào."), not(containsString("name=\"startDate\"")))));
    }

    @Test
    void aComplaintNeedsItsHouseholdTextAndDayThenIsListedAsOpen() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("POSTING", "AGREED,AGREED,AGREED", POSTING, ""));
        mvc.perform(post("/ra-soat/r-1/niem-yet/khieu-nai").with(officer()).with(csrf()).param("text", "Hộ có xe tải")
                        .param("filedOn", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#householdId\">Hãy chọn hộ bị khiếu nại."),
                        containsString("<a href=\"#filedOn\">Hãy nhập ngày"),
                        containsString(">Hộ có xe tải</textarea>"))));
        assertThat(SERVICES.changes()).isEmpty();

        SERVICES.refuse("POST", ROUND + "/complaints", "filedOn",
                "complaints are received during the posting, 2026-10-05 to 2026-10-13");
        mvc.perform(post("/ra-soat/r-1/niem-yet/khieu-nai").with(officer()).with(csrf()).param("householdId", "h-2")
                        .param("text", "Hộ có xe tải").param("filedOn", "20/10/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"filedOn-error\""),
                        containsString("Khiếu nại được nhận trong thời gian niêm yết, từ 05/10/2026 đến 13/10/2026."),
                        containsString("<option value=\"h-2\" selected=\"selected\">"))));

        SERVICES.json("POST", ROUND + "/complaints", 201, """
                {"id":"c-1","roundId":"r-1","householdId":"h-2","text":"Hộ có xe tải","filedOn":"2026-10-06",
                 "status":"OPEN"}""");
        mvc.perform(post("/ra-soat/r-1/niem-yet/khieu-nai").with(officer()).with(csrf()).param("householdId", "h-2")
                        .param("text", "Hộ có xe tải").param("filedOn", "06/10/2026"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("changed", "Đã ghi nhận khiếu nại về hộ Nguyễn Thị Hường, nhận ngày 06/10/2026."));
        assertThat(SERVICES.changes().getLast().text()).isEqualTo(
                "{\"householdId\":\"h-2\",\"text\":\"Hộ có xe tải\",\"filedOn\":\"2026-10-06\"}");
        SERVICES.json("GET", ROUND, 200, round("POSTING", "AGREED,AGREED,AGREED", POSTING, COMPLAINT));
        mvc.perform(get("/ra-soat/r-1/niem-yet").with(officer())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Đang xác minh"),
                        containsString("href=\"/ra-soat/r-1/niem-yet/khieu-nai/c-1\""),
                        containsString("niêm yết lại đủ 7 ngày làm việc"))));
    }
}
