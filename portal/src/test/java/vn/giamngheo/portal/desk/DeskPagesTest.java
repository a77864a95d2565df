package vn.giamngheo.portal.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
 * The department's desk against fake services: the bank's officer signed in; every form's bad input named beside its
 * field with nothing sent; approve and reject confirmed before they are sent; another department's application
 * refused; the payment list relayed; the desk calls the department's own instance, naming the department.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskPagesTest {

    static final FakeService HOUSEHOLDS = new FakeService();
    static final FakeService POLICY = new FakeService();
    /** The bank's own policy-service instance. */
    static final FakeService BANK = new FakeService();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.services.household", HOUSEHOLDS::url);
        registry.add("portal.services.notification", FakeService::down);
        registry.add("portal.services.policy", POLICY::url);
        registry.add("portal.services.reporting", FakeService::down);
        registry.add("portal.departments[SOCIAL_POLICY_BANK].url", BANK::url);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    OidcLoginRequestPostProcessor officer(String login, String department) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("giamngheo"))
                .idToken(t -> t.subject(login).claim("name", "Ngô Văn Tuấn")
                        .claim("roles", List.of("DEPARTMENT_OFFICER")).claim("units", List.of("*"))
                        .claim("department", department));
    }

    OidcLoginRequestPostProcessor bank() {
        return officer("nhcsxh", "SOCIAL_POLICY_BANK");
    }

    static final String LOAN = """
            {"id":"a-1","policyCode":"POOR_HOUSEHOLD_LOAN","department":"SOCIAL_POLICY_BANK","householdId":"h-1",
             "personId":null,"requestedAmountVnd":50000000,"submittedOn":"2026-11-02","status":"%s","steps":[
              {"status":"SUBMITTED","on":"2026-11-02","by":"applicant","note":"Vay vốn nuôi bò"}]}""";

    @BeforeEach
    void services() {
        HOUSEHOLDS.reset();
        POLICY.reset();
        BANK.reset();
        HOUSEHOLDS.json("GET", "/api/v1/units", 200, """
                [{"code":"08707","name":"Phường Vĩnh Yên","level":"COMMUNE"},
                 {"code":"08716","name":"Phường Vĩnh Phúc","level":"COMMUNE"}]""");
        HOUSEHOLDS.json("GET", "/api/v1/households/h-1", 200, """
                {"id":"h-1","unitCode":"08707","village":"Tổ dân phố 3","status":"ACTIVE","members":[
                 {"personId":"p-1","fullName":"Nguyễn Văn Bình","dateOfBirth":"1970-03-04","sex":"MALE",
                  "relationToHead":"HEAD","status":"ACTIVE"},
                 {"personId":"p-2","fullName":"Nguyễn Thị Cúc","dateOfBirth":"2014-06-07","sex":"FEMALE",
                  "relationToHead":"CHILD","status":"ACTIVE"}]}""");
        BANK.json("GET", "/api/v1/policies", 200, """
                [{"code":"POOR_HOUSEHOLD_LOAN","name":"Cho vay hộ nghèo"}]""");
        POLICY.json("GET", "/api/v1/policies", 200, """
                [{"code":"POOR_HOUSEHOLD_LOAN","name":"Cho vay hộ nghèo"}]""");
        BANK.json("GET", "/api/v1/applications/a-1", 200, LOAN.formatted("UNDER_REVIEW"));
        BANK.json("GET", "/api/v1/applications/a-1/eligibility", 200, """
                {"date":"2026-12-07","eligible":true,"reason":"Hộ nghèo theo quyết định số 5/QĐ-UBND.",
                 "loanCeilingVnd":100000000,"problems":[]}""");
    }

    @Test
    void theQueueListsTheDepartmentsApplicationsWithTheHeadFromItsOwnInstance() throws Exception {
        BANK.json("GET", "/api/v1/applications", 200, "[" + LOAN.formatted("SUBMITTED") + "]");
        mvc.perform(get("/phong-ban/ho-so").param("status", "SUBMITTED").with(bank()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Nguyễn Văn Bình"), containsString("02/11/2026"),
                        containsString("50.000.000 đ"), containsString("Mới nộp"),
                        containsString("href=\"/phong-ban/ho-so/a-1\""))));
        FakeService.Request list = BANK.requests().stream().filter(r -> r.path().equals("/api/v1/applications"))
                .findFirst().orElseThrow();
        assertThat(list.query()).contains("department=SOCIAL_POLICY_BANK").contains("status=SUBMITTED");
        assertThat(list.authorization()).startsWith("Bearer ");
        // The general instance is not asked for the bank's applications.
        assertThat(POLICY.requests()).noneMatch(r -> r.path().startsWith("/api/v1/applications"));
    }

    @Test
    void aStatusNotInTheListIsSaidBesideTheFilterAndNothingIsAsked() throws Exception {
        mvc.perform(get("/phong-ban/ho-so").param("status", "PAID").with(bank()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#status\">Hãy chọn một trạng thái"),
                        containsString("id=\"status-error\""))));
        assertThat(BANK.requests()).noneMatch(r -> r.path().equals("/api/v1/applications"));
    }

    @Test
    void theHomeCountsTheApplicationsAndABadHouseholdIdIsNamed() throws Exception {
        BANK.json("GET", "/api/v1/applications", 200, "[" + LOAN.formatted("SUBMITTED") + ","
                + LOAN.formatted("APPROVED").replace("a-1", "a-2") + "]");
        mvc.perform(get("/phong-ban").with(bank())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Mới nộp"), containsString("Đã phê duyệt"))));
        mvc.perform(get("/phong-ban").param("householdId", "h 1/../x").with(bank()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#householdId\">Hãy nhập mã hộ")));
        mvc.perform(get("/phong-ban").param("householdId", "h-1").with(bank()))
                .andExpect(redirectedUrl("/phong-ban/thong-tin/h-1"));
    }

    @Test
    void theApplicationShowsTheServicesEligibilityReason() throws Exception {
        mvc.perform(get("/phong-ban/ho-so/a-1").with(bank())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Hộ nghèo theo quyết định số 5/QĐ-UBND."),
                        containsString("100.000.000 đ"), containsString("/phong-ban/ho-so/a-1/phe-duyet"),
                        containsString("Nguyễn Văn Bình — Tổ dân phố 3"))));
    }

    @Test
    void approvingAsksForTheDecisionNumberThenShowsWhatWillBeSentThenSendsIt() throws Exception {
        // Bad input: nothing sent, each reason beside its field, what was typed kept.
        mvc.perform(post("/phong-ban/ho-so/a-1/phe-duyet").with(bank()).with(csrf()).param("reviewer", " ")
                        .param("decisionNumber", "").param("decidedOn", "31/02/2026")
                        .param("approvedAmountVnd", "năm mươi triệu"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#reviewer\">Hãy nhập họ tên người xử lý."),
                        containsString("<a href=\"#decisionNumber\">Hãy nhập số quyết định."),
                        containsString("<a href=\"#decidedOn\">“31/02/2026” không phải một ngày có thật"),
                        containsString("<a href=\"#approvedAmountVnd\">“năm mươi triệu” không phải số tiền"),
                        containsString("id=\"decisionNumber-error\""), containsString("value=\"31/02/2026\""))));
        assertThat(BANK.changes()).isEmpty();

        // Good input: the check page, still nothing sent.
        mvc.perform(post("/phong-ban/ho-so/a-1/phe-duyet").with(bank()).with(csrf()).param("reviewer", "Ngô Văn Tuấn")
                        .param("decisionNumber", "12/QĐ-NHCS").param("decidedOn", "01/12/2026")
                        .param("approvedAmountVnd", "40.000.000"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kiểm tra trước khi gửi"),
                        containsString("<dd>12/QĐ-NHCS</dd>"), containsString("<dd>40.000.000 đ</dd>"),
                        containsString("name=\"action\" value=\"send\""))));
        assertThat(BANK.changes()).isEmpty();

        // Back to the form with what was typed.
        mvc.perform(post("/phong-ban/ho-so/a-1/phe-duyet").with(bank()).with(csrf()).param("reviewer", "Ngô Văn Tuấn")
                        .param("decisionNumber", "12/QĐ-NHCS").param("action", "edit"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"12/QĐ-NHCS\"")));
        assertThat(BANK.changes()).isEmpty();

        // Confirmed: sent to the bank's instance, and the page says so.
        BANK.json("POST", "/api/v1/applications/a-1/approve", 200, LOAN.formatted("APPROVED"));
        mvc.perform(post("/phong-ban/ho-so/a-1/phe-duyet").with(bank()).with(csrf()).param("reviewer", "Ngô Văn Tuấn")
                        .param("decisionNumber", "12/QĐ-NHCS").param("decidedOn", "01/12/2026")
                        .param("approvedAmountVnd", "40.000.000").param("action", "send"))
                .andExpect(redirectedUrl("/phong-ban/ho-so/a-1"))
                .andExpect(flash().attribute("changed", containsString("12/QĐ-NHCS")));
        assertThat(BANK.changes()).singleElement().satisfies(r -> assertThat(r.text()).isEqualTo(
                "{\"reviewer\":\"Ngô Văn Tuấn\",\"decisionNumber\":\"12/QĐ-NHCS\",\"decidedOn\":\"2026-12-01\","
                        + "\"approvedAmountVnd\":40000000}"));
        assertThat(POLICY.changes()).isEmpty();
    }

    @Test
    void theServicesRefusalOfAnApprovalIsShownBesideTheField() throws Exception {
        BANK.refuse("POST", "/api/v1/applications/a-1/approve", "approvedAmountVnd",
                "must not exceed the ceiling of 100000000 VND");
        mvc.perform(post("/phong-ban/ho-so/a-1/phe-duyet").with(bank()).with(csrf()).param("reviewer", "Ngô Văn Tuấn")
                        .param("decisionNumber", "12/QĐ-NHCS").param("approvedAmountVnd", "200000000")
                        .param("action", "send"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"approvedAmountVnd-error\""),
                        containsString("must not exceed the ceiling"), containsString("value=\"200000000\""))));
    }

    @Test
    void rejectingNeedsAReasonAndIsConfirmedBeforeItIsSent() throws Exception {
        mvc.perform(post("/phong-ban/ho-so/a-1/tu-choi").with(bank()).with(csrf()).param("reviewer", "Ngô Văn Tuấn")
                        .param("reason", "  "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#reason\">Hãy ghi lý do từ chối."),
                        containsString("id=\"reason-error\""))));
        mvc.perform(post("/phong-ban/ho-so/a-1/tu-choi").with(bank()).with(csrf()).param("reviewer", "Ngô Văn Tuấn")
                        .param("reason", "Hộ đã vay đủ hạn mức."))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kiểm tra trước khi gửi"),
                        containsString("<dd>Hộ đã vay đủ hạn mức.</dd>"))));
        assertThat(BANK.changes()).isEmpty();
        BANK.json("POST", "/api/v1/applications/a-1/reject", 200, LOAN.formatted("REJECTED"));
        mvc.perform(post("/phong-ban/ho-so/a-1/tu-choi").with(bank()).with(csrf()).param("reviewer", "Ngô Văn Tuấn")
                        .param("reason", "Hộ đã vay đủ hạn mức.").param("action", "send"))
                .andExpect(redirectedUrl("/phong-ban/ho-so/a-1"));
        assertThat(BANK.changes().getFirst().text()).contains("\"reason\":\"Hộ đã vay đủ hạn mức.\"");
    }

    @Test
    void reviewWithoutAReviewerIsNamedAndNothingSent() throws Exception {
        BANK.json("GET", "/api/v1/applications/a-1", 200, LOAN.formatted("SUBMITTED"));
        mvc.perform(post("/phong-ban/ho-so/a-1/xem-xet").with(bank()).with(csrf()).param("reviewer", "")
                        .param("startedOn", "hôm qua"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#reviewer\">Hãy nhập họ tên người xử lý."),
                        containsString("<a href=\"#startedOn\">“hôm qua” không phải một ngày có thật"))));
        assertThat(BANK.changes()).isEmpty();
        BANK.json("POST", "/api/v1/applications/a-1/review", 200, LOAN.formatted("UNDER_REVIEW"));
        mvc.perform(post("/phong-ban/ho-so/a-1/xem-xet").with(bank()).with(csrf()).param("reviewer", "Ngô Văn Tuấn"))
                .andExpect(redirectedUrl("/phong-ban/ho-so/a-1"));
        assertThat(BANK.changes()).hasSize(1);
    }

    @Test
    void anotherDepartmentsApplicationIsTheRefusalPageAndNothingIsSent() throws Exception {
        POLICY.json("GET", "/api/v1/applications/a-1", 403, """
                {"status":403,"detail":"Application a-1 belongs to department SOCIAL_POLICY_BANK; you act for EDUCATION"}""");
        OidcLoginRequestPostProcessor education = officer("giao-duc", "EDUCATION");
        for (String path : List.of("/phong-ban/ho-so/a-1", "/phong-ban/ho-so/a-1/phe-duyet",
                "/phong-ban/ho-so/a-1/tu-choi")) {
            mvc.perform(get(path).with(education)).andExpect(status().isForbidden())
                    .andExpect(content().string(allOf(containsString("Việc này không thuộc sở, ngành của bạn"),
                            containsString("Hồ sơ này thuộc Ngân hàng Chính sách xã hội"))));
        }
        mvc.perform(post("/phong-ban/ho-so/a-1/phe-duyet").with(education).with(csrf()).param("reviewer", "x")
                        .param("decisionNumber", "1/QĐ").param("action", "send"))
                .andExpect(status().isForbidden());
        assertThat(POLICY.changes()).isEmpty();
        assertThat(BANK.requests()).isEmpty();
        // An application the instance gives of another department is refused by the portal too.
        POLICY.json("GET", "/api/v1/applications/a-1", 200, LOAN.formatted("UNDER_REVIEW"));
        mvc.perform(get("/phong-ban/ho-so/a-1").with(education)).andExpect(status().isForbidden());
    }

    @Test
    void theDeskIsForDepartmentOfficersOnly() throws Exception {
        mvc.perform(get("/phong-ban").with(oidcLogin().clientRegistration(registrations.findByRegistrationId("giamngheo"))
                        .idToken(t -> t.subject("can-bo-08707").claim("roles", List.of("WARD_OFFICER"))
                                .claim("units", List.of("08707")))))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("dành cho cán bộ sở, ngành")));
    }

    static final String FACTS = """
            {"householdId":"h-1","unitCode":"08707","classification":"POOR","members":[
             {"personId":"p-1","dateOfBirth":"1970-03-04","relationToHead":"HEAD","schooling":"NONE","publicSchool":true,
              "pensionVnd":0,"disability":"NONE","noOneObligedToSupport":false},
             {"personId":"p-2","dateOfBirth":"2014-06-07","relationToHead":"CHILD","schooling":"NONE",
              "publicSchool":true,"pensionVnd":-1,"disability":"NONE","noOneObligedToSupport":false}]}""";

    @Test
    void factsAreCheckedFieldByFieldThenSentForEveryMember() throws Exception {
        BANK.json("GET", "/api/v1/households/h-1", 200, FACTS);
        mvc.perform(get("/phong-ban/thong-tin/h-1").with(bank())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Nguyễn Thị Cúc"),
                        containsString("id=\"members-1-pensionVnd\""))));
        mvc.perform(post("/phong-ban/thong-tin/h-1").with(bank()).with(csrf()).param("from", "40/1/2026")
                        .param("members[0].schooling", "NONE").param("members[0].publicSchool", "true")
                        .param("members[0].pensionVnd", "0").param("members[0].disability", "NONE")
                        .param("members[0].noOneObligedToSupport", "false")
                        .param("members[1].schooling", "COLLEGE").param("members[1].publicSchool", "true")
                        .param("members[1].pensionVnd", "").param("members[1].disability", "NONE")
                        .param("members[1].noOneObligedToSupport", "false"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#from\">“40/1/2026” không phải"),
                        containsString("<a href=\"#members-1-schooling\">"),
                        containsString("Hãy chọn cấp học."),
                        containsString("<a href=\"#members-1-pensionVnd\">"),
                        containsString("Hãy nhập số tiền lương hưu hằng tháng"))));
        assertThat(BANK.changes()).isEmpty();

        // The service's reason about a member's field is shown beside that member's field.
        BANK.refuse("PUT", "/api/v1/households/h-1/facts", "members[1].pensionVnd",
                "must be between 0 and 1000000000");
        mvc.perform(post("/phong-ban/thong-tin/h-1").with(bank()).with(csrf())
                        .param("members[0].schooling", "NONE").param("members[0].publicSchool", "true")
                        .param("members[0].pensionVnd", "0").param("members[0].disability", "NONE")
                        .param("members[0].noOneObligedToSupport", "false")
                        .param("members[1].schooling", "PRIMARY").param("members[1].publicSchool", "true")
                        .param("members[1].pensionVnd", "9999999999").param("members[1].disability", "NONE")
                        .param("members[1].noOneObligedToSupport", "false"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"members-1-pensionVnd-error\""),
                        containsString("value=\"9999999999\""))));

        BANK.json("PUT", "/api/v1/households/h-1/facts", 200, FACTS);
        mvc.perform(post("/phong-ban/thong-tin/h-1").with(bank()).with(csrf()).param("from", "05/09/2026")
                        .param("members[0].schooling", "NONE").param("members[0].publicSchool", "true")
                        .param("members[0].pensionVnd", "0").param("members[0].disability", "NONE")
                        .param("members[0].noOneObligedToSupport", "false")
                        .param("members[1].schooling", "PRIMARY").param("members[1].publicSchool", "true")
                        .param("members[1].pensionVnd", "0").param("members[1].disability", "NONE")
                        .param("members[1].noOneObligedToSupport", "false"))
                .andExpect(redirectedUrl("/phong-ban/thong-tin/h-1"));
        assertThat(BANK.changes().getLast().text()).isEqualTo("{\"from\":\"2026-09-05\",\"members\":["
                + "{\"personId\":\"p-1\",\"schooling\":\"NONE\",\"publicSchool\":true,\"pensionVnd\":0,"
                + "\"disability\":\"NONE\",\"noOneObligedToSupport\":false},"
                + "{\"personId\":\"p-2\",\"schooling\":\"PRIMARY\",\"publicSchool\":true,\"pensionVnd\":0,"
                + "\"disability\":\"NONE\",\"noOneObligedToSupport\":false}]}");
    }

    @Test
    void paymentsArePerCommuneAndTheListIsRelayedAsTheServiceWroteIt() throws Exception {
        BANK.json("GET", "/api/v1/entitlements", 200, """
                {"period":"2026-Q4","from":"2026-10-01","to":"2026-12-31",
                 "totals":[{"policyCode":"POOR_HOUSEHOLD_LOAN","beneficiaries":3,"months":9,"totalVnd":1350000}],
                 "lines":[
                  {"decisionId":"d1","policyCode":"X","householdId":"h-1","kind":"CASH","months":[],"totalVnd":450000,"unitCode":"08707"},
                  {"decisionId":"d2","policyCode":"X","householdId":"h-2","kind":"CASH","months":[],"totalVnd":450000,"unitCode":"08707"},
                  {"decisionId":"d3","policyCode":"X","householdId":"h-3","kind":"CASH","months":[],"totalVnd":450000,"unitCode":"08716"},
                  {"decisionId":"d4","policyCode":"X","householdId":"h-3","kind":"FEE_EXEMPTION","months":[],"unitCode":"08716"}]}""");
        mvc.perform(get("/phong-ban/chi-tra").param("period", "2026-Q4").with(bank())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Phường Vĩnh Yên (08707)"),
                        containsString("900.000 đ"), containsString("Phường Vĩnh Phúc (08716)"),
                        containsString("1.350.000 đ"),
                        containsString("/phong-ban/chi-tra/tai-ve?period=2026-Q4"))));
        assertThat(BANK.requests().stream().filter(r -> r.path().equals("/api/v1/entitlements")).findFirst()
                .orElseThrow().query()).contains("department=SOCIAL_POLICY_BANK").contains("period=2026-Q4");

        byte[] xlsx = "PK-not-really-a-workbook".getBytes(StandardCharsets.UTF_8);
        BANK.bytes("GET", "/api/v1/entitlements/payment-list.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
        mvc.perform(get("/phong-ban/chi-tra/tai-ve").param("period", "2026-Q4").param("unitCode", "08716")
                        .with(bank()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")))
                .andExpect(content().bytes(xlsx));
        assertThat(BANK.requests().getLast().query()).contains("department=SOCIAL_POLICY_BANK")
                .contains("period=2026-Q4").contains("unitCode=08716");
    }

    @Test
    void aBadPeriodIsNamedBesideItsFieldAndNothingIsAsked() throws Exception {
        for (String path : List.of("/phong-ban/chi-tra", "/phong-ban/chi-tra/tai-ve")) {
            mvc.perform(get(path).param("period", "2026-Q5").with(bank()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(allOf(containsString("<a href=\"#period\">“2026-Q5” không phải một kỳ"),
                            containsString("value=\"2026-Q5\""), not(containsString("Tải danh sách chi trả")))));
        }
        assertThat(BANK.requests()).noneMatch(r -> r.path().startsWith("/api/v1/entitlements"));
        // The service's own refusal of a period is shown beside the field too.
        BANK.refuse("GET", "/api/v1/entitlements", "period", "'1899' is before the programme");
        mvc.perform(get("/phong-ban/chi-tra").param("period", "1899").with(bank()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"period-error\"")));
    }
}
