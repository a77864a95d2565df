package vn.giamngheo.portal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.giamngheo.portal.registry.FakeService;
import vn.giamngheo.portal.registry.RegistryFormTest;

/**
 * The review pages of PORTAL-A against a fake household-service: the rounds, the board, the hub, the requests, the
 * survey form with its live class, and the Excel upload; bad input gets its message beside the field and sends
 * nothing.
 */
class ReviewPagesTest extends RegistryFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String ROUND = """
            {"round":{"id":"r-1","unitCode":"08707","kind":"ANNUAL","referenceDate":"2026-11-01",
              "standard":"VN-MPS-2022-2025","postingWorkingDays":7,"state":"POSTING","openedAt":"2026-11-01T02:00:00Z",
              "lastMeetingOn":"2026-11-20","postingStartedOn":"2026-11-23","postingEndsOn":"2026-12-01",
              "decision":null,"version":4},
             "provisionalStandard":false,"decisionTakesEffectOn":"2027-01-01","surveys":[],"complaints":[],
             "decisionBlockers":[{"code":"POSTING_NOT_ENDED","until":"2026-12-01"},{"code":"COMPLAINTS_OPEN","count":2}],
             "canDecideFrom":"2026-12-02"}""";

    static final String SUMMARIES = """
            [{"id":"r-1","unitCode":"08707","unitName":"Phường Vĩnh Phúc","kind":"ANNUAL","referenceDate":"2026-11-01",
              "state":"POSTING","standard":"VN-MPS-2022-2025","dueBy":"2026-12-14","late":true,
              "lateReason":"NO_TIME_TO_POST","decision":null,
              "counts":{"toSurvey":12,"drafts":1,"surveyed":9,"agreed":0,"backToSurvey":0,"complaintsOpen":2,
                        "complaintsResolved":1}}]""";

    static final String EVALUATION = """
            {"classification":"POOR","standard":"VN-MPS-2022-2025","provisionalStandard":false,"areaType":"URBAN",
             "monthlyIncomePerCapitaVnd":1500000,"deprivedIndicators":["HEALTH_INSURANCE","SANITATION","TELECOM"],
             "deprivations":[{"code":"HEALTH_INSURANCE","name":"Bảo hiểm y tế","reason":"Có thành viên từ 6 tuổi trở lên không có thẻ"},
                             {"code":"SANITATION","name":"Nhà tiêu hợp vệ sinh","reason":"Hộ không sử dụng nhà tiêu hợp vệ sinh."},
                             {"code":"TELECOM","name":"Sử dụng dịch vụ viễn thông","reason":"Không dùng internet."}],
             "explanation":["Thu nhập bình quân 1.500.000 ≤ chuẩn nghèo 2.000.000 (thành thị): hộ nghèo."]}""";

    @BeforeEach
    void round() {
        SERVICES.json("GET", "/api/v1/review-rounds/r-1", 200, ROUND);
        SERVICES.json("GET", "/api/v1/review-rounds", 200, SUMMARIES);
        SERVICES.json("GET", "/api/v1/households/h-1", 200, HOUSEHOLD);
    }

    /** The survey form as a browser posts it, with {@code changed} fields typed differently. */
    private MockHttpServletRequestBuilder survey(String action, String... changed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("incomeMode", "ANNUAL");
        fields.put("annualIncomeVnd", "36.000.000");
        fields.put("memberCount", "2");
        fields.put("members[0].name", "Nguyễn Văn Bình");
        fields.put("members[0].dateOfBirth", "04/03/1970");
        fields.put("members[0].employment", "SELF_EMPLOYED");
        fields.put("members[0].hasHealthInsurance", "false");
        fields.put("members[0].education", "PRIMARY");
        fields.put("members[0].attendingSchool", "false");
        fields.put("members[1].name", "Nguyễn Thị Cúc");
        fields.put("members[1].dateOfBirth", "07/06/2005");
        fields.put("members[1].employment", "WAGE_WITH_CONTRACT");
        fields.put("members[1].hasHealthInsurance", "true");
        fields.put("members[1].education", "UPPER_SECONDARY");
        fields.put("members[1].attendingSchool", "false");
        fields.put("floorAreaM2", "30");
        fields.put("hasDwelling", "true");
        fields.put("wallsDurable", "true");
        fields.put("frameDurable", "true");
        fields.put("roofDurable", "true");
        fields.put("waterSource", "PIPED");
        fields.put("latrine", "UNHYGIENIC");
        fields.put("usesTelecom", "true");
        fields.put("usesInternet", "false");
        fields.put("informationMeans", "TELEVISION");
        fields.put("_informationMeans", "on");
        for (int i = 0; i < changed.length; i += 2) {
            fields.put(changed[i], changed[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/ra-soat/r-1/phieu/h-1").with(hoa()).with(csrf())
                .param("action", action);
        fields.forEach(request::param);
        return request;
    }

    // ---- the survey form ----

    @Test
    void theSurveyFormFollowsTheQuestionnaireWithARowPerMemberAndTheLiveBoxScript() throws Exception {
        mvc.perform(get("/ra-soat/r-1/phieu/h-1").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Phiếu khảo sát hộ Nguyễn Văn Bình"),
                        containsString("Thu nhập của hộ (phần B1)"),
                        containsString("Thành viên 2: Nguyễn Thị Cúc"),
                        containsString("value=\"07/06/2005\""),
                        containsString("data-evaluate=\"/ra-soat/r-1/phieu/h-1/danh-gia\""),
                        containsString("src=\"/js/survey.js\""),
                        containsString("Lưu nháp"), containsString("Hoàn thành"),
                        not(containsString("<script>")), not(containsString("style=\"")))));
        String page = mvc.perform(get("/ra-soat/r-1/phieu/h-1").with(hoa())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page.indexOf("annualIncomeVnd")).isLessThan(page.indexOf("members[0].employment"));
        assertThat(page.indexOf("members[1].employment")).isLessThan(page.indexOf("name=\"hasDwelling\""));
        assertThat(page.indexOf("name=\"latrine\"")).isLessThan(page.indexOf("name=\"usesInternet\""));
    }

    @Test
    void aSurveyIsReopenedWithItsRecordedAnswersAndClass() throws Exception {
        SERVICES.json("GET", "/api/v1/review-rounds/r-1/surveys/h-1", 200, """
                {"roundId":"r-1","householdId":"h-1","status":"DRAFT","classification":"NEAR_POOR",
                 "monthlyIncomePerCapitaVnd":1500000,"deprivedIndicators":["SANITATION"],"explanation":["…cận nghèo."],
                 "answers":{"annualIncomeVnd":36000000,"memberCount":2,"facts":{"members":[
                   {"dateOfBirth":"1970-03-04","hasHealthInsurance":true,"attendingSchool":false,"education":"PRIMARY",
                    "employment":"UNEMPLOYED"}],"floorAreaM2":31.5,"hasDwelling":true,"wallsDurable":true,
                   "frameDurable":true,"roofDurable":false,"waterSource":"BOREHOLE","latrine":"NONE","usesTelecom":true,
                   "usesInternet":true,"informationMeans":["RADIO"]}}}""");
        mvc.perform(get("/ra-soat/r-1/phieu/h-1").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("value=\"36.000.000\""),
                        containsString("value=\"31,5\""),
                        containsString("<option value=\"UNEMPLOYED\" selected=\"selected\">Thất nghiệp</option>"),
                        containsString("<option value=\"BOREHOLE\" selected=\"selected\">Giếng khoan</option>"),
                        containsString("value=\"RADIO\" checked=\"checked\""),
                        containsString("Hộ cận nghèo"), containsString("Phiếu nháp"))));
    }

    @Test
    void notANumberIsAnErrorBesideTheIncomeFieldNothingIsSentAndWhatWasTypedIsKept() throws Exception {
        mvc.perform(survey("done", "annualIncomeVnd", "ba mươi triệu")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#annualIncomeVnd\">“ba mươi triệu” không phải một số."),
                        containsString("id=\"annualIncomeVnd-error\""),
                        containsString("value=\"ba mươi triệu\""),
                        containsString("value=\"04/03/1970\""),
                        containsString("<option value=\"UNHYGIENIC\" selected=\"selected\">"))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void theServicesFieldInTheFactsIsShownBesideTheMembersRow() throws Exception {
        SERVICES.refuse("POST", "/api/v1/review-rounds/r-1/surveys", "facts.members[1].dateOfBirth",
                "must not be null");
        mvc.perform(survey("done", "members[1].dateOfBirth", "")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#members-1-dateOfBirth\">Thành viên 2, ngày sinh:"),
                        containsString("id=\"members-1-dateOfBirth-error\""),
                        containsString("value=\"36.000.000\""))));
    }

    @Test
    void doneSendsTheAnswersAsTheServicesSurveyAndTheClassIsInTheBanner() throws Exception {
        SERVICES.json("POST", "/api/v1/review-rounds/r-1/surveys", 200, """
                {"roundId":"r-1","householdId":"h-1","status":"SURVEYED","classification":"NEAR_POOR",
                 "monthlyIncomePerCapitaVnd":1500000,"deprivedIndicators":["SANITATION","TELECOM"]}""");
        mvc.perform(survey("done")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/ra-soat/r-1/phieu/h-1"))
                .andExpect(flash().attribute("changed", "Đã hoàn thành phiếu của hộ Nguyễn Văn Bình: Hộ cận nghèo."));
        FakeService.Request sent = SERVICES.changes().getFirst();
        assertThat(sent.authorization()).isEqualTo("Bearer access-token");
        JsonNode body = JSON.readTree(sent.text());
        assertThat(body.get("householdId").asText()).isEqualTo("h-1");
        assertThat(body.get("draft").asBoolean()).isFalse();
        assertThat(body.get("annualIncomeVnd").asLong()).isEqualTo(36_000_000L);
        assertThat(body.get("memberCount").asInt()).isEqualTo(2);
        assertThat(body.at("/facts/members/1/dateOfBirth").asText()).isEqualTo("2005-06-07");
        assertThat(body.at("/facts/latrine").asText()).isEqualTo("UNHYGIENIC");
        assertThat(body.at("/facts/informationMeans/0").asText()).isEqualTo("TELEVISION");
    }

    @Test
    void aDraftIsSentWithDraftTrueAndOnlyWhatWasAnswered() throws Exception {
        SERVICES.json("POST", "/api/v1/review-rounds/r-1/surveys", 200, """
                {"roundId":"r-1","householdId":"h-1","status":"DRAFT","classification":null}""");
        mvc.perform(post("/ra-soat/r-1/phieu/h-1").with(hoa()).with(csrf()).param("action", "draft")
                        .param("incomeMode", "ANNUAL").param("annualIncomeVnd", "36000000")
                        .param("members[0].name", "Nguyễn Văn Bình").param("_informationMeans", "on"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("changed", "Đã lưu nháp phiếu của hộ Nguyễn Văn Bình."));
        JsonNode body = JSON.readTree(SERVICES.changes().getFirst().text());
        assertThat(body.get("draft").asBoolean()).isTrue();
        assertThat(body.has("facts")).isFalse();
        assertThat(body.get("memberCount").isNull()).isTrue();
    }

    @Test
    void theLiveClassRelaysExactlyWhatTheServiceEvaluatesWithTheRoundsDateUnitAndStandard() throws Exception {
        SERVICES.json("POST", "/api/v1/assessments/evaluate", 200, EVALUATION);
        String fields = """
                {"incomeMode":"MONTHLY","monthlyIncomePerCapitaVnd":"1.500.000",
                 "members[0].dateOfBirth":"04/03/1970","members[0].hasHealthInsurance":"false",
                 "latrine":"UNHYGIENIC","informationMeans":["TELEVISION","RADIO"]}""";
        mvc.perform(post("/ra-soat/r-1/phieu/h-1/danh-gia").with(hoa()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(fields))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.classification").value("POOR"))
                .andExpect(jsonPath("$.className").value("Hộ nghèo"))
                .andExpect(jsonPath("$.monthlyIncomePerCapitaVnd").value(1500000))
                .andExpect(jsonPath("$.income").value("1.500.000 đ"))
                .andExpect(jsonPath("$.deprivations.length()").value(3))
                .andExpect(jsonPath("$.deprivations[1].name").value("Nhà tiêu hợp vệ sinh"))
                .andExpect(jsonPath("$.explanation[0]").value(
                        "Thu nhập bình quân 1.500.000 ≤ chuẩn nghèo 2.000.000 (thành thị): hộ nghèo."));
        JsonNode sent = JSON.readTree(SERVICES.changes().getFirst().text());
        assertThat(sent.get("referenceDate").asText()).isEqualTo("2026-11-01");
        assertThat(sent.get("unitCode").asText()).isEqualTo("08707");
        assertThat(sent.get("standard").asText()).isEqualTo("VN-MPS-2022-2025");
        assertThat(sent.get("monthlyIncomePerCapitaVnd").asLong()).isEqualTo(1_500_000L);
        assertThat(sent.at("/facts/members/0/hasHealthInsurance").asBoolean()).isFalse();
        assertThat(sent.at("/facts/informationMeans").size()).isEqualTo(2);
    }

    @Test
    void theLiveClassSaysWhatIsMissingByFormFieldWhenTheServiceCannotClassifyYet() throws Exception {
        SERVICES.refuse("POST", "/api/v1/assessments/evaluate", "facts.members[0].employment", "must not be null");
        mvc.perform(post("/ra-soat/r-1/phieu/h-1/danh-gia").with(hoa()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"annualIncomeVnd\":\"36000000\",\"memberCount\":\"2\",\"members[0].dateOfBirth\":\"04/03/1970\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("members[0].employment"))
                .andExpect(jsonPath("$.errors[0].text").value("Không được để trống."));
    }

    @Test
    void theLiveClassNeedsTheCsrfHeader() throws Exception {
        mvc.perform(post("/ra-soat/r-1/phieu/h-1/danh-gia").with(hoa()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
        assertThat(SERVICES.changes()).isEmpty();
    }

    // ---- 403 / 404 ----

    @Test
    void aRoundOutsideThePersonsUnitsIsThe403PageAndAnUnknownOneThe404Page() throws Exception {
        SERVICES.json("GET", "/api/v1/review-rounds/r-9", 403, "{\"status\":403,\"detail\":\"not your unit\"}");
        mvc.perform(get("/ra-soat/r-9").with(hoa())).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bạn không được xem trang này")));
        mvc.perform(get("/ra-soat/r-404/phieu").with(hoa())).andExpect(status().isNotFound());
        mvc.perform(get("/ra-soat/r-404/phieu/h-1").with(hoa())).andExpect(status().isNotFound());
        mvc.perform(get("/ra-soat/r-1/phieu/..%2Fx").with(hoa())).andExpect(status().is4xxClientError());
    }

    // ---- rounds, board, hub ----

    @Test
    void theRoundsPageListsTheCommunesRoundsWithStageCountsAndLateness() throws Exception {
        mvc.perform(get("/ra-soat").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Phường Vĩnh Phúc (08707)"),
                        containsString("href=\"/ra-soat/r-1\""),
                        containsString("Đang niêm yết"),
                        containsString("12 hộ cần khảo sát, 1 phiếu nháp, 9 đã khảo sát"),
                        containsString("Chậm: không còn đủ thời gian niêm yết"),
                        containsString("Mở kỳ rà soát"))));
    }

    @Test
    void openingARoundWithADayThatDoesNotExistSendsNothing() throws Exception {
        mvc.perform(post("/ra-soat").with(hoa()).with(csrf()).param("unitCode", "08707").param("kind", "ANNUAL")
                        .param("referenceDate", "31/09/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#referenceDate\">“31/09/2026” không phải một ngày có thật."),
                        containsString("value=\"31/09/2026\""))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void theServicesRefusalToOpenARoundIsShownBesideTheDate() throws Exception {
        SERVICES.refuse("POST", "/api/v1/review-rounds", "referenceDate",
                "an annual review runs from 1 September to 14 December");
        mvc.perform(post("/ra-soat").with(hoa()).with(csrf()).param("unitCode", "08707").param("kind", "ANNUAL")
                        .param("referenceDate", "01/03/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"referenceDate-error\""),
                        containsString("an annual review runs from 1 September to 14 December"))));
    }

    @Test
    void theHubShowsTheStepsAndWhyTheChairmanMayNotSignYetInVietnamese() throws Exception {
        mvc.perform(get("/ra-soat/r-1").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Rà soát định kỳ năm 2026 — Phường Vĩnh Phúc"),
                        containsString("href=\"/ra-soat/r-1/phieu\""),
                        containsString("href=\"/ra-soat/r-1/hop-thon\""),
                        containsString("href=\"/ra-soat/r-1/niem-yet\""),
                        containsString("href=\"/ra-soat/r-1/quyet-dinh\""),
                        containsString("href=\"/ra-soat/r-1/excel\""),
                        containsString("Danh sách đang niêm yết đến hết ngày 01/12/2026."),
                        containsString("Còn 2 khiếu nại chưa giải quyết."),
                        containsString("14/12/2026"),
                        containsString("Từ 23/11/2026 đến hết 01/12/2026 (7 ngày làm việc)"))));
    }

    @Test
    void theProvinceBoardFiltersByStatusAndLateness() throws Exception {
        SERVICES.json("GET", "/api/v1/review-rounds/board", 200, """
                {"date":"2026-12-07","year":2026,"deadline":"2026-12-14","totals":{"notStarted":1,"inProgress":1,"decided":1,"late":2},
                 "communes":[
                  {"unitCode":"04828","unitName":"Xã Tam Sơn","status":"NOT_STARTED","late":true,"lateReason":"NOT_STARTED_IN_TIME","round":null},
                  {"unitCode":"08707","unitName":"Phường Vĩnh Phúc","status":"IN_PROGRESS","late":true,"lateReason":"NO_TIME_TO_POST",
                   "round":{"id":"r-1","unitCode":"08707","state":"POSTING","dueBy":"2026-12-14","counts":{"toSurvey":12}}},
                  {"unitCode":"08716","unitName":"Phường Vĩnh Yên","status":"DECIDED","late":false,
                   "round":{"id":"r-2","unitCode":"08716","state":"CLOSED","dueBy":"2026-12-14"}}]}""");
        mvc.perform(get("/ra-soat/tinh").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Đang hiện 3 trong 3 xã, phường"),
                        containsString("Xã Tam Sơn (04828)"), containsString("href=\"/ra-soat/r-2\""),
                        containsString("Chậm: chưa bắt đầu, không còn đủ thời gian"))));
        mvc.perform(get("/ra-soat/tinh").param("late", "true").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Đang hiện 2 trong 3 xã, phường"),
                        not(containsString("href=\"/ra-soat/r-2\"")))));
        mvc.perform(get("/ra-soat/tinh").param("status", "DECIDED").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Đang hiện 1 trong 3 xã, phường"),
                        containsString("href=\"/ra-soat/r-2\""), not(containsString("Xã Tam Sơn (04828)")))));
    }

    // ---- the list to survey and the Excel way ----

    @Test
    void theListToSurveyShowsWhyEachHouseholdIsOnItAndASearchAddsAnother() throws Exception {
        SERVICES.json("GET", "/api/v1/review-rounds/r-1/households", 200, """
                {"roundId":"r-1","counts":{"toSurvey":2,"drafts":1,"surveyed":0,"agreed":0,"backToSurvey":0},
                 "households":[{"householdId":"h-1","headName":"Nguyễn Văn Bình","village":"Tổ dân phố 3","memberCount":2,
                   "classInForce":"POOR","why":["CURRENT_LIST","FORM_04"],"survey":{"status":"DRAFT"}}]}""");
        SERVICES.json("GET", "/api/v1/households/search", 200, """
                {"items":[{"id":"h-7","unitCode":"08707","village":"Tổ dân phố 1","headName":"Lê Văn Tám","activeMembers":3,
                  "currentClass":null,"status":"ACTIVE"}],"page":0,"size":10,"total":1}""");
        mvc.perform(get("/ra-soat/r-1/phieu").param("q", "tam").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/ra-soat/r-1/phieu/h-1\""),
                        containsString("đang trong danh sách, có đơn Mẫu 04"),
                        containsString("Phiếu nháp"),
                        containsString("href=\"/ra-soat/r-1/phieu/h-7\""),
                        containsString("Khảo sát hộ Lê Văn Tám — Tổ dân phố 1, 3 người"))));
    }

    @Test
    void everyRejectedRowOfTheSurveyFileIsOnTheScreenWithTheCounts() throws Exception {
        SERVICES.json("POST", "/api/v1/review-rounds/r-1/survey-upload", 200, """
                {"recorded":2,"unchanged":1,"rejected":1,
                 "errors":[{"row":5,"column":"Tổng thu nhập 12 tháng (đồng)","reason":"'abc' is not a whole number"}]}""");
        MockMultipartFile file = new MockMultipartFile("file", "phieu.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[] {'P', 'K', 3, 4});
        var flashed = mvc.perform(multipart("/ra-soat/r-1/excel").file(file).with(hoa()).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/ra-soat/r-1/excel"))
                .andReturn().getFlashMap();
        var page = get("/ra-soat/r-1/excel").with(hoa());
        flashed.forEach(page::flashAttr);
        mvc.perform(page).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Đã ghi 2 hộ, 1 hộ không thay đổi, 1 dòng sai."),
                containsString("<td class=\"num\" data-label=\"Dòng\">5</td>"),
                containsString("<td data-label=\"Cột\">Tổng thu nhập 12 tháng (đồng)</td>"),
                containsString("“abc” không phải một số nguyên."))));
    }

    @Test
    void anUploadThatIsNotAnXlsxIsRefusedBesideTheFieldAndNothingIsSent() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "phieu.csv", "text/csv", new byte[] {'a'});
        mvc.perform(multipart("/ra-soat/r-1/excel").file(file).with(hoa()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"file-error\"")));
        assertThat(SERVICES.changes()).isEmpty();
    }

    // ---- requests ----

    static final String REQUEST = """
            {"id":"q-1","householdId":"h-1","unitCode":"08707","form":"FORM_01","receivedOn":"2026-11-20",
             "channel":"COUNTER","status":"OPEN","dueBy":"2026-12-05","overdue":true}""";

    @Test
    void theQueueShowsOnlineRequestsToVerifyFirstAndMarksTheOverdue() throws Exception {
        SERVICES.json("GET", "/api/v1/review-requests", 200, "[" + REQUEST + """
                ,{"id":"q-2","unitCode":"08707","form":"FORM_01","receivedOn":"2026-12-06","channel":"ONLINE",
                  "status":"AWAITING_VERIFICATION","dueBy":"2026-12-21","overdue":false,"headName":"Trần Thị Mơ",
                  "village":"Tổ dân phố 2","citizenIdMasked":"********4321","receiptNumber":"TD-08707-2612-0001",
                  "suggestedHouseholdId":"h-1"}]""");
        String page = mvc.perform(get("/ra-soat/de-nghi").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("TD-08707-2612-0001"),
                        containsString("href=\"/ra-soat/de-nghi/q-2/xac-minh\""),
                        containsString("Quá hạn"),
                        containsString("Nguyễn Văn Bình"),
                        containsString("href=\"/ra-soat/de-nghi/q-1/tu-choi\""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("TD-08707-2612-0001")).isLessThan(page.indexOf("q-1/tu-choi"));
    }

    @Test
    void aCounterRequestWithoutAHouseholdSendsNothingAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/ra-soat/de-nghi/moi").with(hoa()).with(csrf()).param("form", "FORM_04")
                        .param("receivedOn", "05/12/2026").param("channel", "COUNTER"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#householdId\">Hãy chọn hộ gửi đơn"),
                        containsString("value=\"05/12/2026\""),
                        containsString("value=\"FORM_04\" checked=\"checked\""))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void aCounterRequestIsSentWithTheChosenHouseholdAndTheQueueSaysWhenItIsDue() throws Exception {
        SERVICES.json("POST", "/api/v1/review-requests", 201, REQUEST);
        mvc.perform(post("/ra-soat/de-nghi/moi").with(hoa()).with(csrf()).param("householdId", "h-1")
                        .param("form", "FORM_01").param("receivedOn", "20/11/2026").param("channel", "COUNTER"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/ra-soat/de-nghi?unitCode=08707"))
                .andExpect(flash().attribute("changed",
                        "Đã ghi nhận đơn Mẫu 01 của hộ Nguyễn Văn Bình, nhận ngày 20/11/2026; hạn trả lời 05/12/2026."));
        JsonNode body = JSON.readTree(SERVICES.changes().getFirst().text());
        assertThat(body.get("householdId").asText()).isEqualTo("h-1");
        assertThat(body.get("receivedOn").asText()).isEqualTo("2026-11-20");
        assertThat(body.get("channel").asText()).isEqualTo("COUNTER");
    }

    @Test
    void theServicesRefusalOfAForm04IsShownBesideTheFormChoice() throws Exception {
        SERVICES.refuse("POST", "/api/v1/review-requests", "form",
                "Form 04 is for a household on the poor or near-poor list");
        mvc.perform(post("/ra-soat/de-nghi/moi").with(hoa()).with(csrf()).param("householdId", "h-1")
                        .param("form", "FORM_04").param("receivedOn", "20/11/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"form-error\""),
                        containsString("Form 04 is for a household on the poor or near-poor list"))));
    }

    @Test
    void verifyingAnOnlineRequestOffersTheSuggestedHouseholdAndShowsTheServicesRefusalBesideIt() throws Exception {
        SERVICES.json("GET", "/api/v1/review-requests/q-2", 200, """
                {"id":"q-2","unitCode":"08707","form":"FORM_01","receivedOn":"2026-12-06","channel":"ONLINE",
                 "status":"AWAITING_VERIFICATION","dueBy":"2026-12-21","headName":"Trần Thị Mơ","village":"Tổ dân phố 2",
                 "citizenIdMasked":"********4321","receiptNumber":"TD-08707-2612-0001","suggestedHouseholdId":"h-1"}""");
        mvc.perform(get("/ra-soat/de-nghi/q-2/xac-minh").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("********4321"),
                        containsString("Gợi ý theo số CCCD: Nguyễn Văn Bình — Tổ dân phố 3, 2 người"),
                        containsString("value=\"h-1\" checked=\"checked\""))));
        SERVICES.refuse("POST", "/api/v1/review-requests/q-2/verification", "householdId",
                "is not an active household of 08707");
        mvc.perform(post("/ra-soat/de-nghi/q-2/xac-minh").with(hoa()).with(csrf()).param("decision", "VERIFY")
                        .param("householdId", "h-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"householdId-error\"")));
        mvc.perform(post("/ra-soat/de-nghi/q-2/xac-minh").with(hoa()).with(csrf()).param("decision", "REJECT"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#reason\">Hãy ghi lý do không nhận đơn.")));
        assertThat(SERVICES.changes()).hasSize(1);
    }

    @Test
    void aRefusalWithoutReasonsSendsNothingAndOneWithThemIsTheChairmans() throws Exception {
        SERVICES.json("GET", "/api/v1/review-requests/q-1", 200, REQUEST);
        mvc.perform(post("/ra-soat/de-nghi/q-1/tu-choi").with(hoa()).with(csrf()).param("date", "05/12/2026")
                        .param("signerRole", "COMMUNE_CHAIRMAN").param("number", "12/UBND").param("reasons", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#reasons\">Hãy ghi lý do từ chối."),
                        containsString("value=\"12/UBND\""))));
        assertThat(SERVICES.changes()).isEmpty();
        SERVICES.json("POST", "/api/v1/review-requests/q-1/refusal", 200, REQUEST.replace("OPEN", "REFUSED"));
        mvc.perform(post("/ra-soat/de-nghi/q-1/tu-choi").with(hoa()).with(csrf()).param("date", "05/12/2026")
                        .param("signerRole", "COMMUNE_CHAIRMAN").param("reasons", "Hộ có ô tô."))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("changed", "Đã ghi văn bản từ chối đơn của hộ Nguyễn Văn Bình."));
        JsonNode body = JSON.readTree(SERVICES.changes().getFirst().text());
        assertThat(body.get("reasons").asText()).isEqualTo("Hộ có ô tô.");
        assertThat(body.get("signerRole").asText()).isEqualTo("COMMUNE_CHAIRMAN");
    }
}
