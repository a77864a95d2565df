package vn.giamngheo.portal.desk;

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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.giamngheo.portal.registry.FakeService;
import vn.giamngheo.portal.registry.RemainingPagesTest;

/**
 * A ward officer files a household's application from its page: the policies in force that take one, the amount for
 * a loan, the member for a person's benefit; policy-service's reasons beside the fields; the household's applications.
 */
class FileApplicationPageTest extends RemainingPagesTest {

    static final String FILED = """
            {"id":"a-7","policyCode":"POOR_HOUSEHOLD_LOAN","department":"SOCIAL_POLICY_BANK","householdId":"h-1",
             "personId":null,"requestedAmountVnd":50000000,"submittedOn":"2026-12-07","status":"SUBMITTED","steps":[
              {"status":"SUBMITTED","on":"2026-12-07","by":"applicant","note":"Vay vốn nuôi bò"}]}""";

    @BeforeEach
    void policies() {
        POLICY.json("GET", "/api/v1/policies", 200, """
                [{"code":"POOR_HOUSEHOLD_LOAN","name":"Cho vay hộ nghèo","department":"SOCIAL_POLICY_BANK",
                  "beneficiary":"HOUSEHOLD","applicationRequired":true},
                 {"code":"SOCIAL_PENSION","name":"Trợ cấp hưu trí xã hội","department":"LABOUR",
                  "beneficiary":"PERSON","applicationRequired":true},
                 {"code":"ELECTRICITY_SUPPORT","name":"Hỗ trợ tiền điện","department":"LABOUR",
                  "beneficiary":"HOUSEHOLD","applicationRequired":false}]""");
    }

    @Test
    void theHouseholdsPageLinksTheFormForTheRolesThatFileOnly() throws Exception {
        mvc.perform(get("/ho-gia-dinh/h-1").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/ho-gia-dinh/h-1/ho-so-de-nghi/moi\"")));
        mvc.perform(get("/ho-gia-dinh/h-1").with(chairman())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/ho-gia-dinh/h-1/ho-so-de-nghi/moi\""))));
    }

    @Test
    void theFormOffersThePoliciesThatTakeAnApplicationAndTheMembers() throws Exception {
        mvc.perform(get("/ho-gia-dinh/h-1/ho-so-de-nghi/moi").with(hoa()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Cho vay hộ nghèo — Ngân hàng Chính sách xã hội"),
                        containsString("Trợ cấp hưu trí xã hội"), not(containsString("Hỗ trợ tiền điện")),
                        containsString("<option value=\"p-2\">Nguyễn Thị Cúc</option>"))));
    }

    @Test
    void aLoanIsFiledAtItsDepartmentAndTheHouseholdsApplicationsShowIt() throws Exception {
        POLICY.json("POST", "/api/v1/applications", 201, FILED);
        mvc.perform(post("/ho-gia-dinh/h-1/ho-so-de-nghi/moi").with(hoa()).with(csrf())
                        .param("policyCode", "POOR_HOUSEHOLD_LOAN").param("personId", "p-2")
                        .param("requestedAmountVnd", "50.000.000").param("submittedOn", "").param("note", "Vay vốn nuôi bò"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/ho-gia-dinh/h-1/ho-so-de-nghi"))
                .andExpect(flash().attribute("changed",
                        "Đã gửi hồ sơ đề nghị Cho vay hộ nghèo đến Ngân hàng Chính sách xã hội."));
        FakeService.Request sent = POLICY.changes().getFirst();
        // A household's benefit names no member, even one chosen on the form.
        assertThat(sent.text()).isEqualTo("{\"policyCode\":\"POOR_HOUSEHOLD_LOAN\",\"householdId\":\"h-1\","
                + "\"personId\":null,\"submittedOn\":null,\"requestedAmountVnd\":50000000,\"note\":\"Vay vốn nuôi bò\"}");
        assertThat(sent.authorization()).startsWith("Bearer ");

        POLICY.json("GET", "/api/v1/applications", 200, "[" + FILED + "]");
        mvc.perform(get("/ho-gia-dinh/h-1/ho-so-de-nghi").with(hoa()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Cho vay hộ nghèo"), containsString("50.000.000 đ"),
                        containsString("Mới nộp"), containsString("07/12/2026"), containsString("Cả hộ"))));
        assertThat(POLICY.requests().stream().filter(r -> r.path().equals("/api/v1/applications")
                && r.method().equals("GET")).findFirst().orElseThrow().query()).isEqualTo("householdId=h-1");
    }

    @Test
    void aPersonsBenefitNamesTheMember() throws Exception {
        POLICY.json("POST", "/api/v1/applications", 201, FILED.replace("POOR_HOUSEHOLD_LOAN", "SOCIAL_PENSION")
                .replace("SOCIAL_POLICY_BANK", "LABOUR"));
        mvc.perform(post("/ho-gia-dinh/h-1/ho-so-de-nghi/moi").with(soNnmt()).with(csrf())
                        .param("policyCode", "SOCIAL_PENSION").param("personId", "p-1").param("submittedOn", "01/12/2026"))
                .andExpect(status().isFound());
        assertThat(POLICY.changes().getFirst().text()).contains("\"personId\":\"p-1\"")
                .contains("\"submittedOn\":\"2026-12-01\"");
    }

    @Test
    void theServicesReasonIsBesideItsFieldAndTheTypedValuesAreKept() throws Exception {
        POLICY.refuse("POST", "/api/v1/applications", "requestedAmountVnd",
                "must be more than 0 and at most the ceiling of 100000000 VND");
        mvc.perform(post("/ho-gia-dinh/h-1/ho-so-de-nghi/moi").with(hoa()).with(csrf())
                        .param("policyCode", "POOR_HOUSEHOLD_LOAN").param("requestedAmountVnd", "150.000.000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#requestedAmountVnd\">Số tiền phải lớn hơn 0 và không quá mức cho vay tối đa 100000000 đồng.</a>"),
                        containsString("id=\"requestedAmountVnd-error\""), containsString("value=\"150.000.000\""),
                        containsString("<option value=\"POOR_HOUSEHOLD_LOAN\" selected=\"selected\">"))));
    }

    @Test
    void anIneligibleHouseholdIsSaidInTheSummary() throws Exception {
        POLICY.json("POST", "/api/v1/applications", 422, """
                {"status":422,"detail":"Not eligible for POOR_HOUSEHOLD_LOAN on 2026-12-07","errors":[{"field":"householdId",
                 "reason":"the household has no class decided by a review yet"}]}""");
        mvc.perform(post("/ho-gia-dinh/h-1/ho-so-de-nghi/moi").with(hoa()).with(csrf())
                        .param("policyCode", "POOR_HOUSEHOLD_LOAN"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Hộ chưa có phân loại theo kết quả rà soát.")));
    }

    @Test
    void badInputIsSaidBesideItsFieldAndNothingIsSent() throws Exception {
        mvc.perform(post("/ho-gia-dinh/h-1/ho-so-de-nghi/moi").with(hoa()).with(csrf())
                        .param("policyCode", "ELECTRICITY_SUPPORT").param("requestedAmountVnd", "năm mươi triệu")
                        .param("submittedOn", "31/02/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#policyCode\">Hãy chọn một chính sách"),
                        containsString("id=\"requestedAmountVnd-error\""), containsString("id=\"submittedOn-error\""))));
        assertThat(POLICY.changes()).isEmpty();
    }

    @Test
    void withoutCsrfNothingIsFiled() throws Exception {
        mvc.perform(post("/ho-gia-dinh/h-1/ho-so-de-nghi/moi").with(hoa()).param("policyCode", "POOR_HOUSEHOLD_LOAN"))
                .andExpect(status().isForbidden());
        assertThat(POLICY.changes()).isEmpty();
    }

    @Test
    void aRoleThatDoesNotFileIsRefusedAndNothingIsAsked() throws Exception {
        mvc.perform(get("/ho-gia-dinh/h-1/ho-so-de-nghi/moi").with(chairman()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bạn không được xem trang này")));
        mvc.perform(post("/ho-gia-dinh/h-1/ho-so-de-nghi/moi").with(person("nhcsxh", "DEPARTMENT_OFFICER", "*"))
                        .with(csrf()).param("policyCode", "POOR_HOUSEHOLD_LOAN"))
                .andExpect(status().isForbidden());
        assertThat(POLICY.requests()).isEmpty();
    }

    @Test
    void policyServiceDownKeepsTheFormWithA503() throws Exception {
        down(POLICY, "POST", "/api/v1/applications");
        mvc.perform(post("/ho-gia-dinh/h-1/ho-so-de-nghi/moi").with(hoa()).with(csrf())
                        .param("policyCode", "POOR_HOUSEHOLD_LOAN").param("note", "Vay vốn nuôi bò"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(containsString("chính sách"), containsString("Vay vốn nuôi bò"))));
    }
}
