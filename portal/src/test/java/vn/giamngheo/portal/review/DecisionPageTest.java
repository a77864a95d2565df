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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The chairman's decision: the households by class, the blockers, number and date, the check page, the documents. */
class DecisionPageTest extends ReviewStepsTest {

    static final String ENDED = ",\"postingStartedOn\":\"2026-10-05\",\"postingEndsOn\":\"2026-10-13\"";
    static final String DECIDED = ENDED + ",\"decision\":{\"number\":\"15/QĐ-UBND\",\"date\":\"2026-10-20\","
            + "\"signerRole\":\"COMMUNE_CHAIRMAN\",\"effectiveDate\":\"2027-01-01\"}";

    @Test
    void theChairmanSeesTheHouseholdsByClassWithTheirChangesAndTheForm() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("POSTING", "AGREED,AGREED,AGREED", ENDED, ",\"decisionBlockers\":[]"));
        mvc.perform(get("/ra-soat/r-1/quyet-dinh").with(chairman())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<caption>Hộ nghèo (1 hộ)</caption>"),
                        containsString("<caption>Hộ cận nghèo (1 hộ)</caption>"),
                        containsString("<caption>Hộ có mức sống trung bình (1 hộ)</caption>"),
                        containsString("<td data-label=\"So với hiện tại\">Thay đổi</td>"),
                        containsString("<td data-label=\"So với hiện tại\">Không đổi</td>"),
                        containsString("chậm nhất 14/12/2026"), containsString("name=\"number\""))));
    }

    @Test
    void anOfficerSeesThePageWithoutTheFormAndANoteThatTheChairmanSigns() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("POSTING", "AGREED,AGREED,AGREED", ENDED, ",\"decisionBlockers\":[]"));
        mvc.perform(get("/ra-soat/r-1/quyet-dinh").with(officer())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Chủ tịch UBND cấp xã ký quyết định."),
                        not(containsString("name=\"number\"")))));
    }

    @Test
    void theBlockersAreExplainedAndTheFormIsAbsent() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("POSTING", "AGREED,AGREED,AGREED", ENDED,
                ",\"decisionBlockers\":[{\"code\":\"POSTING_NOT_ENDED\",\"until\":\"2026-10-13\"},"
                        + "{\"code\":\"COMPLAINTS_OPEN\",\"count\":1}],\"canDecideFrom\":\"2026-10-14\""));
        mvc.perform(get("/ra-soat/r-1/quyet-dinh").with(chairman())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Chưa ký được quyết định"),
                        containsString("Danh sách đang niêm yết đến hết ngày 13/10/2026; chủ tịch ký quyết định từ"
                                + " ngày 14/10/2026."),
                        containsString("Còn 1 khiếu nại đang xác minh; hãy giải quyết xong trước khi ký."),
                        not(containsString("name=\"number\"")))));
    }

    @Test
    void badNumberAndDateAreSaidBesideThemAndNothingIsSent() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("POSTING", "AGREED,AGREED,AGREED", ENDED, ""));
        mvc.perform(post("/ra-soat/r-1/quyet-dinh").with(chairman()).with(csrf()).param("number", " ")
                        .param("date", "32/10/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#number\">Hãy nhập số quyết định.</a>"),
                        containsString("<a href=\"#date\">“32/10/2026” không phải một ngày có thật."),
                        containsString("value=\"32/10/2026\""))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void signingGoesThroughTheConfirmationPageThenSendsAsTheChairman() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("POSTING", "AGREED,AGREED,AGREED", ENDED, ""));
        mvc.perform(post("/ra-soat/r-1/quyet-dinh").with(chairman()).with(csrf()).param("number", "15/QĐ-UBND")
                        .param("date", "20/10/2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Xác nhận ký quyết định</h1>"),
                        containsString("<dd>15/QĐ-UBND</dd>"), containsString("<dd>20/10/2026</dd>"),
                        containsString("<dd>Chủ tịch UBND cấp xã</dd>"), containsString("<dd>1 hộ</dd>"),
                        containsString("<input type=\"hidden\" name=\"number\" value=\"15/QĐ-UBND\">"),
                        containsString("value=\"send\""))));
        assertThat(SERVICES.changes()).isEmpty();

        SERVICES.refuse("POST", ROUND + "/decision", "date", "is after today (2026-10-19): a decision is recorded once"
                + " it has been signed");
        mvc.perform(post("/ra-soat/r-1/quyet-dinh").with(chairman()).with(csrf()).param("number", "15/QĐ-UBND")
                        .param("date", "20/10/2026").param("action", "send"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"date-error\""),
                        containsString("Ngày này sau hôm nay (19/10/2026)"),
                        containsString("value=\"15/QĐ-UBND\""))));

        SERVICES.json("POST", ROUND + "/decision", 200, round("CLOSED", "AGREED,AGREED,AGREED", DECIDED, ""));
        mvc.perform(post("/ra-soat/r-1/quyet-dinh").with(chairman()).with(csrf()).param("number", "15/QĐ-UBND")
                        .param("date", "20/10/2026").param("action", "send"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/ra-soat/r-1/quyet-dinh"))
                .andExpect(flash().attribute("changed",
                        "Đã ký Quyết định số 15/QĐ-UBND ngày 20/10/2026. Các tài liệu dưới đây đã sẵn sàng."));
        assertThat(SERVICES.changes().getLast().text()).isEqualTo(
                "{\"number\":\"15/QĐ-UBND\",\"date\":\"2026-10-20\",\"signerRole\":\"COMMUNE_CHAIRMAN\"}");
    }

    @Test
    void aConflictTheServiceFindsAtSigningIsShownInTheSummary() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("POSTING", "AGREED,AGREED,AGREED", ENDED, ""));
        SERVICES.json("POST", ROUND + "/decision", 409, """
                {"status":409,"detail":"state: 1 complaint(s) are still being re-checked",
                 "errors":[{"field":"state","reason":"1 complaint(s) are still being re-checked"}]}""");
        mvc.perform(post("/ra-soat/r-1/quyet-dinh").with(chairman()).with(csrf()).param("number", "15/QĐ-UBND")
                        .param("date", "20/10/2026").param("action", "send"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Còn 1 khiếu nại đang xác minh.")));
    }

    @Test
    void aDecidedRoundOffersEveryDocumentAndACertificatePerPoorOrNearPoorHousehold() throws Exception {
        SERVICES.json("GET", ROUND, 200, round("CLOSED", "AGREED,AGREED,AGREED", DECIDED,
                ",\"decisionBlockers\":[{\"code\":\"ALREADY_DECIDED\"}]"));
        mvc.perform(get("/ra-soat/r-1/quyet-dinh").with(officer())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<dd>15/QĐ-UBND</dd>"),
                        containsString("href=\"/ra-soat/r-1/tai-lieu/decision.pdf\""),
                        containsString("href=\"/ra-soat/r-1/tai-lieu/certificates.pdf\""),
                        containsString("href=\"/ra-soat/r-1/tai-lieu/lists.xlsx\""),
                        containsString("href=\"/ra-soat/r-1/tai-lieu/minutes.pdf\""),
                        containsString("href=\"/ra-soat/r-1/tai-lieu/posting-list.pdf\""),
                        containsString("href=\"/ra-soat/r-1/tai-lieu/certificates/h-1.pdf\""),
                        not(containsString("certificates/h-3.pdf")), not(containsString("Chưa ký được")))));
    }

    @Test
    void aDocumentIsRelayedWithTheServicesTypeAndName() throws Exception {
        byte[] pdf = "%PDF-1.7 quyết định".getBytes(StandardCharsets.UTF_8);
        SERVICES.file(ROUND + "/documents/decision.pdf", "application/pdf",
                "attachment; filename=\"quyet-dinh-15.pdf\"", pdf);
        mvc.perform(get("/ra-soat/r-1/tai-lieu/decision.pdf").with(officer())).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"quyet-dinh-15.pdf\""))
                .andExpect(content().bytes(pdf));
        SERVICES.file(ROUND + "/documents/certificates/h-1.pdf", "application/pdf",
                "attachment; filename=\"gcn-h-1.pdf\"", pdf);
        mvc.perform(get("/ra-soat/r-1/tai-lieu/certificates/h-1.pdf").with(officer())).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"gcn-h-1.pdf\""));
    }

    @Test
    void aDocumentNotThereYetIsAPageSayingWhy() throws Exception {
        SERVICES.json("GET", ROUND + "/documents/decision.pdf", 409, """
                {"status":409,"detail":"state: no decision yet","errors":[{"field":"state","reason":"no decision yet"}]}""");
        mvc.perform(get("/ra-soat/r-1/tai-lieu/decision.pdf").with(officer())).andExpect(status().isConflict())
                .andExpect(content().string(containsString("chỉ có sau khi chủ tịch ký quyết định")));
        SERVICES.json("GET", ROUND + "/documents/certificates/h-3.pdf", 404, """
                {"status":404,"detail":"h-3 is not on the decision's lists"}""");
        mvc.perform(get("/ra-soat/r-1/tai-lieu/certificates/h-3.pdf").with(officer()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("không có giấy chứng nhận")));
        mvc.perform(get("/ra-soat/r-1/tai-lieu/..%2Fsecret").with(officer())).andExpect(status().is4xxClientError());
        mvc.perform(get("/ra-soat/r-1/tai-lieu/other.pdf").with(officer())).andExpect(status().isNotFound());
    }
}
