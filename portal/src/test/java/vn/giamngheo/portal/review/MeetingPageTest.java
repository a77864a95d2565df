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

/** The village meeting's table: one row per surveyed household, errors in their rows, the results after it. */
class MeetingPageTest extends ReviewStepsTest {

    @Test
    void theTableHasARowPerSurveyedHouseholdWithItsHeadVillageAndProposedClass() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("OPEN", "SURVEYED,SURVEYED,SURVEYED", ""));
        mvc.perform(get("/ra-soat/r-1/hop-thon").with(officer())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<td data-label=\"Chủ hộ\">Lò Văn Đức</td>"),
                        containsString("<label class=\"visually-hidden\" for=\"votes-2-agreeing\">Số người đồng ý"
                                + " với kết quả của hộ Trần Văn Ấn</label>"),
                        containsString("Các hộ cần lấy ý kiến (3 hộ)"),
                        not(containsString("Phạm Thị Yến")), not(containsString("minutes.pdf")))));
    }

    @Test
    void badCountsAreSaidInTheirRowsAndNothingIsSent() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("OPEN", "SURVEYED,SURVEYED,SURVEYED", ""));
        mvc.perform(post("/ra-soat/r-1/hop-thon").with(officer()).with(csrf()).param("date", "31/09/2026")
                        .param("participants", "20").param("votes[0].agreeing", "12")
                        .param("votes[1].agreeing", "mười").param("votes[2].agreeing", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#date\">“31/09/2026” không phải một ngày có thật."),
                        containsString("id=\"votes-1-agreeing-error\""),
                        containsString("“mười” không phải số nguyên từ 0 trở lên."),
                        containsString("<a href=\"#votes-2-agreeing\">Hãy nhập một số.</a>"),
                        containsString("name=\"votes[0].agreeing\" value=\"12\""),
                        containsString("name=\"participants\" value=\"20\""))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void theServicesReasonAboutAVoteIsShownInThatRow() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("OPEN", "SURVEYED,SURVEYED,SURVEYED", ""));
        SERVICES.refuse("POST", ROUND + "/village-meeting", "votes[1].agreeing", "must be between 0 and the 20 participants");
        mvc.perform(post("/ra-soat/r-1/hop-thon").with(officer()).with(csrf()).param("date", "01/10/2026")
                        .param("participants", "20").param("votes[0].agreeing", "12")
                        .param("votes[1].agreeing", "25").param("votes[2].agreeing", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#votes-1-agreeing\">phải từ 0 đến 20 (số người dự họp).</a>"),
                        containsString("name=\"votes[1].agreeing\" value=\"25\""))));
        assertThat(SERVICES.changes()).hasSize(1);
        assertThat(SERVICES.changes().getFirst().text()).isEqualTo("{\"date\":\"2026-10-01\",\"participants\":20,"
                + "\"votes\":[{\"householdId\":\"h-1\",\"agreeing\":12},{\"householdId\":\"h-2\",\"agreeing\":25},"
                + "{\"householdId\":\"h-3\",\"agreeing\":3}]}");
    }

    @Test
    void aHeldMeetingShowsEachResultAndTheMinutes() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("OPEN", "SURVEYED,SURVEYED,SURVEYED", ""));
        SERVICES.json("POST", ROUND + "/village-meeting", 200,
                round("VILLAGE_MEETING", "AGREED,AGREED,BACK_TO_SURVEY", ""));
        mvc.perform(post("/ra-soat/r-1/hop-thon").with(officer()).with(csrf()).param("date", "1/10/2026")
                        .param("participants", "20").param("votes[0].agreeing", "15")
                        .param("votes[1].agreeing", "15").param("votes[2].agreeing", "4"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/ra-soat/r-1/hop-thon"))
                .andExpect(flash().attribute("changed",
                        "Đã ghi kết quả họp ngày 01/10/2026: 2 hộ được thống nhất, 1 hộ phải rà soát lại."));
        SERVICES.json("GET", ROUND, 200, round("VILLAGE_MEETING", "AGREED,AGREED,BACK_TO_SURVEY", ""));
        mvc.perform(get("/ra-soat/r-1/hop-thon").with(officer())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("15/20 người đồng ý (họp ngày 01/10/2026)"),
                        containsString("Phải rà soát lại"), containsString("Đã thống nhất"),
                        containsString("href=\"/ra-soat/r-1/tai-lieu/minutes.pdf\""),
                        not(containsString("name=\"participants\"")))));
    }
}
