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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

/**
 * A household of Xã Vầy Nưa (04891, split on 2025-07-01 between 04828 and 04891): household-service answers an
 * officer of either successor 422 naming both until its successor is recorded; the household's page says so and links
 * to the form, which offers those successors, checks, then sends.
 */
class SuccessorUnitPageTest extends RemainingPagesTest {

    static final String SPLIT = """
            {"type":"about:blank","title":"Unprocessable Content","status":422,
             "detail":"Household h-9 is recorded in Xã Vầy Nưa (04891) was split on 2025-07-01 between 04828 Phường Thống Nhất and 04891 Xã Tiền Phong; record which of them its village belongs to",
             "errors":[{"field":"successorUnitCode","reason":"one of 04828 Phường Thống Nhất and 04891 Xã Tiền Phong"}],
             "successors":["04828","04891"]}""";

    static final String RECORDED = """
            {"id":"h-9","unitCode":"04828","unitSince":"2025-07-01","village":"Xóm Bưa","status":"ACTIVE","members":[
             {"personId":"p-9","fullName":"Bùi Văn Thăng","dateOfBirth":"1984-10-12","sex":"MALE",
              "relationToHead":"HEAD","status":"ACTIVE"}]}""";

    OidcLoginRequestPostProcessor officer04828() {
        return person("can-bo-04828", "WARD_OFFICER", "04828");
    }

    @BeforeEach
    void split() {
        SERVICES.json("GET", "/api/v1/households/h-9", 422, SPLIT);
    }

    @Test
    void theHouseholdsPageOfASuccessorsOfficerSaysItWaitsAndLinksToTheForm() throws Exception {
        mvc.perform(get("/ho-gia-dinh/h-9").with(officer04828()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Cần ghi đơn vị kế thừa"),
                        containsString("Phường Thống Nhất (04828), Xã Tiền Phong (04891)"),
                        containsString("href=\"/ho-gia-dinh/h-9/don-vi-ke-thua\""))));
    }

    @Test
    void theChairmanSeesTheNoticeWithoutTheLinkAndIsRefusedTheForm() throws Exception {
        mvc.perform(get("/ho-gia-dinh/h-9").with(person("chu-tich-04828", "COMMUNE_CHAIRMAN", "04828")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Cần ghi đơn vị kế thừa"),
                        not(containsString("href=\"/ho-gia-dinh/h-9/don-vi-ke-thua\"")))));
        SERVICES.reset();
        mvc.perform(get("/ho-gia-dinh/h-9/don-vi-ke-thua").with(person("chu-tich-04828", "COMMUNE_CHAIRMAN", "04828")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bạn không được xem trang này")));
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().startsWith("/api/v1/households"));
    }

    @Test
    void theFormOffersTheSuccessorsTheServiceNamed() throws Exception {
        mvc.perform(get("/ho-gia-dinh/h-9/don-vi-ke-thua").with(officer04828()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"04828\""), containsString("value=\"04891\""),
                        containsString("<label for=\"unitCode\">Phường Thống Nhất (04828)</label>"),
                        containsString("Xã Tiền Phong (04891)"))));
    }

    @Test
    void noChoiceIsSaidBesideTheFieldAndNothingIsSent() throws Exception {
        mvc.perform(post("/ho-gia-dinh/h-9/don-vi-ke-thua").with(officer04828()).with(csrf()).param("unitCode", "08707"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#unitCode\">Hãy chọn xã, phường"),
                        containsString("id=\"unitCode-error\""))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void theChoiceIsCheckedThenSentAndTheHouseholdsPageConfirmsIt() throws Exception {
        mvc.perform(post("/ho-gia-dinh/h-9/don-vi-ke-thua").with(officer04828()).with(csrf()).param("unitCode", "04828")
                        .param("village", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<dd>Phường Thống Nhất (04828)</dd>"),
                        containsString("<dd>Giữ tên cũ</dd>"), containsString("value=\"send\""))));
        assertThat(SERVICES.changes()).isEmpty();
        SERVICES.json("POST", "/api/v1/households/h-9/successor-unit", 200, RECORDED);
        mvc.perform(post("/ho-gia-dinh/h-9/don-vi-ke-thua").with(officer04828()).with(csrf()).param("unitCode", "04828")
                        .param("village", "").param("action", "send"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/ho-gia-dinh/h-9"))
                .andExpect(flash().attribute("changed", "Đã ghi: hộ nay thuộc Phường Thống Nhất (04828)."));
        FakeService.Request sent = SERVICES.changes().getFirst();
        assertThat(sent.path()).isEqualTo("/api/v1/households/h-9/successor-unit");
        assertThat(sent.text()).isEqualTo("{\"unitCode\":\"04828\",\"village\":null}");
        assertThat(sent.authorization()).startsWith("Bearer ");
    }

    @Test
    void theServicesRefusalIsShownBesideItsField() throws Exception {
        SERVICES.refuse("POST", "/api/v1/households/h-9/successor-unit", "village",
                "size must be between 0 and 120");
        mvc.perform(post("/ho-gia-dinh/h-9/don-vi-ke-thua").with(officer04828()).with(csrf()).param("unitCode", "04891")
                        .param("village", "x".repeat(130)).param("action", "send"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#village\">"),
                        containsString("id=\"village-error\""), containsString("value=\"" + "x".repeat(130) + "\""))));
    }

    @Test
    void aServiceThatIsDownKeepsTheFormWithA503() throws Exception {
        down(SERVICES, "POST", "/api/v1/households/h-9/successor-unit");
        mvc.perform(post("/ho-gia-dinh/h-9/don-vi-ke-thua").with(officer04828()).with(csrf()).param("unitCode", "04828")
                        .param("action", "send"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(containsString("quản lý hộ gia đình"),
                        containsString("value=\"04828\" checked"))));
    }

    @Test
    void theProvincesOfficersSeeTheHouseholdWithTheNoticeAndTheSameChoices() throws Exception {
        SERVICES.json("GET", "/api/v1/households/h-9", 200, """
                {"id":"h-9","unitCode":"04891","unitSince":"2024-05-01","village":"Xóm Bưa","status":"ACTIVE",
                 "members":[{"personId":"p-9","fullName":"Bùi Văn Thăng","dateOfBirth":"1984-10-12","sex":"MALE",
                  "relationToHead":"HEAD","status":"ACTIVE"}]}""");
        mvc.perform(get("/ho-gia-dinh/h-9").with(soNnmt()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Bùi Văn Thăng"),
                        containsString("Cần ghi đơn vị kế thừa"),
                        containsString("href=\"/ho-gia-dinh/h-9/don-vi-ke-thua\""))));
        mvc.perform(get("/ho-gia-dinh/h-9/don-vi-ke-thua").with(soNnmt()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"04828\""), containsString("value=\"04891\""),
                        containsString("Hộ của Bùi Văn Thăng"))));
    }

    @Test
    void aHouseholdOfAnUnsplitUnitHasNoNoticeAndTheFormSaysItIsNotNeeded() throws Exception {
        mvc.perform(get("/ho-gia-dinh/h-1").with(hoa()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Cần ghi đơn vị kế thừa"))));
        mvc.perform(get("/ho-gia-dinh/h-1/don-vi-ke-thua").with(hoa()))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("không cần ghi đơn vị kế thừa"),
                        not(containsString("name=\"unitCode\"")))));
    }
}
