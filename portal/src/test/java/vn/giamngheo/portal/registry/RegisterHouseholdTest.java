package vn.giamngheo.portal.registry;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Registering a household in the browser: the form, its errors beside the fields, and what is sent. */
class RegisterHouseholdTest extends RegistryFormTest {

    private static final String REGISTERED = """
            {"id":"h-new","unitCode":"08707","village":"Tổ dân phố 5","status":"ACTIVE","members":[
              {"personId":"p-9","fullName":"Trần Văn Dũng","dateOfBirth":"1980-01-02","sex":"MALE",
               "citizenId":"026080000123","relationToHead":"HEAD","status":"ACTIVE"},
              {"personId":"p-10","fullName":"Lê Thị Em","dateOfBirth":"1982-05-06","sex":"FEMALE",
               "relationToHead":"SPOUSE","status":"ACTIVE"}]}""";

    /** A head in row 0, row 1 left empty, the spouse in row 2 (as typed, 31/02 included when asked). */
    private MockHttpServletRequestBuilder filled(String spouseBorn) {
        return post("/ho-gia-dinh/dang-ky").with(hoa()).with(csrf())
                .param("unitCode", "08707").param("village", "Tổ dân phố 5").param("registeredOn", "01/12/2026")
                .param("members[0].fullName", "Trần Văn Dũng").param("members[0].dateOfBirth", "02/01/1980")
                .param("members[0].sex", "MALE").param("members[0].relationToHead", "HEAD")
                .param("members[0].citizenId", "026080000123").param("members[0].ethnicity", "Kinh")
                .param("members[1].fullName", "").param("members[1].relationToHead", "")
                .param("members[2].fullName", "Lê Thị Em").param("members[2].dateOfBirth", spouseBorn)
                .param("members[2].sex", "FEMALE").param("members[2].relationToHead", "SPOUSE")
                .param("noticeMethod", "PAPER").param("noticeGivenTo", "Trần Văn Dũng").param("consented", "true");
    }

    @Test
    void theFormOffersThePersonsUnitsSixMemberRowsAndThePrivacyNotice() throws Exception {
        mvc.perform(get("/ho-gia-dinh/dang-ky").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Phường Vĩnh Phúc (08707)"),
                        containsString("id=\"members-5-fullName\""),
                        not(containsString("id=\"members-6-fullName\"")),
                        containsString("Thông báo về việc xử lý dữ liệu cá nhân"),
                        containsString("TB-DLCN-01/2025"),
                        containsString("<legend>Đã thông báo cho hộ bằng cách nào?</legend>"))));
    }

    @Test
    void addingRowsKeepsWhatWasTyped() throws Exception {
        // The browser posts all six rows, filled or not.
        mvc.perform(filled("06/05/1982").param("members[5].fullName", "").param("action", "addRows"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"members-8-fullName\""),
                        containsString("value=\"Lê Thị Em\""), not(containsString("Có lỗi cần sửa")))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void aDayThatDoesNotExistIsAnErrorBesideItsFieldAndNothingIsSent() throws Exception {
        mvc.perform(filled("31/02/2020")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#members-2-dateOfBirth\">Thành viên 3, ngày sinh: “31/02/2020” không phải một ngày có thật."),
                        containsString("id=\"members-2-dateOfBirth-error\""),
                        containsString("aria-describedby=\"members-2-dateOfBirth-hint members-2-dateOfBirth-error\""),
                        containsString("value=\"Trần Văn Dũng\""),
                        containsString("value=\"31/02/2020\""),
                        containsString("<title>Lỗi: Đăng ký hộ gia đình"))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void theServicesReasonIsShownInVietnameseBesideTheRowItNamed() throws Exception {
        // The request lists rows 0 and 2 as members[0] and members[1]: the service's members[1] is the form's row 2.
        SERVICES.refuse("POST", "/api/v1/households", "members[1].citizenId",
                "digits 5-6 are 81 but the year of birth is 1982");
        mvc.perform(filled("06/05/1982").param("members[2].citizenId", "026181000001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#members-2-citizenId\">Thành viên 3, số CCCD: Chữ số thứ 5–6 của số CCCD là 81, nhưng năm sinh là 1982."),
                        containsString("id=\"members-2-citizenId-error\""),
                        containsString("value=\"026181000001\""))));
    }

    @Test
    void aReasonThePortalDoesNotKnowIsShownAsTheServiceWroteIt() throws Exception {
        SERVICES.refuse("POST", "/api/v1/households", "village", "Tên thôn chưa có trong danh mục");
        mvc.perform(filled("06/05/1982")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#village\">Tên thôn chưa có trong danh mục</a>"),
                        containsString("id=\"village-error\""))));
    }

    @Test
    void aProblemWithoutAFieldGoesToTheSummary() throws Exception {
        SERVICES.json("POST", "/api/v1/households", 409, """
                {"status":409,"detail":"changed concurrently"}""");
        mvc.perform(filled("06/05/1982")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span>Hồ sơ vừa được người khác thay đổi.")));
    }

    @Test
    void theHouseholdIsRegisteredAsThePersonWithTheNoticeAndTheConfirmationSaysWhatChanged() throws Exception {
        SERVICES.json("POST", "/api/v1/households", 201, REGISTERED);
        mvc.perform(filled("06/05/1982")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/ho-gia-dinh/h-new"))
                .andExpect(flash().attribute("changed",
                        "Đã đăng ký hộ của Trần Văn Dũng (2 thành viên) tại Tổ dân phố 5, Phường Vĩnh Phúc."));
        FakeService.Request sent = SERVICES.changes().getFirst();
        assertThat(sent.authorization()).isEqualTo("Bearer access-token");
        assertThat(sent.text()).contains("\"unitCode\":\"08707\"", "\"registeredOn\":\"2026-12-01\"",
                "\"dateOfBirth\":\"1982-05-06\"", "\"sensitive\":{\"ethnicity\":\"Kinh\"}",
                "\"privacyNotice\":{\"version\":\"TB-DLCN-01/2025\",\"givenOn\":\"2026-12-01\",\"method\":\"PAPER\","
                        + "\"givenTo\":\"Trần Văn Dũng\",\"consented\":true}")
                .doesNotContain("members[1]");
        assertThat(sent.text().split("\"fullName\"")).hasSize(3);
    }

    @Test
    void withoutTheFormsCsrfTokenNothingIsSent() throws Exception {
        mvc.perform(post("/ho-gia-dinh/dang-ky").with(hoa()).param("unitCode", "08707"))
                .andExpect(status().isForbidden());
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void aServiceThatIsDownGivesAClearMessageAndKeepsWhatWasTyped() throws Exception {
        // No answer set: the fake's catch-all would be a 404; a 503 is a service in trouble.
        SERVICES.json("POST", "/api/v1/households", 503, "{\"status\":503,\"detail\":\"MongoDB did not answer\"}");
        mvc.perform(filled("06/05/1982")).andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(
                        containsString("Dịch vụ quản lý hộ gia đình đang gặp sự cố nên chưa lưu được."),
                        containsString("value=\"Lê Thị Em\""), not(containsString("Exception")))));
    }
}
