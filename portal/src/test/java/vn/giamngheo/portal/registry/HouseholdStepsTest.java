package vn.giamngheo.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The legal steps on a whole household: split, merge, move away; each checked before it is sent. */
class HouseholdStepsTest extends RegistryFormTest {

    @BeforeEach
    void household() {
        SERVICES.json("GET", "/api/v1/households/h-1", 200, HOUSEHOLD);
    }

    @Test
    void aSplitIsCheckedThenFoundsTheNewHouseholdWhosePageConfirmsIt() throws Exception {
        mvc.perform(post("/ho-gia-dinh/h-1/tach-ho").with(hoa()).with(csrf()).param("personIds", "p-2")
                        .param("newHeadPersonId", "p-2").param("village", "Tổ dân phố 4"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<dd>Nguyễn Thị Cúc (chủ hộ)</dd>"),
                        containsString("<dd>Tổ dân phố 4</dd>"))));
        assertThat(SERVICES.changes()).isEmpty();
        SERVICES.json("POST", "/api/v1/households/h-1/split", 201, """
                {"id":"h-2","unitCode":"08707","village":"Tổ dân phố 4","status":"ACTIVE","members":[
                 {"personId":"p-2","fullName":"Nguyễn Thị Cúc","dateOfBirth":"2005-06-07","sex":"FEMALE",
                  "relationToHead":"HEAD","status":"ACTIVE"}]}""");
        mvc.perform(post("/ho-gia-dinh/h-1/tach-ho").with(hoa()).with(csrf()).param("personIds", "p-2")
                        .param("newHeadPersonId", "p-2").param("village", "Tổ dân phố 4").param("action", "send"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/ho-gia-dinh/h-2"))
                .andExpect(flash().attribute("changed",
                        "Đã tách 1 người thành hộ mới do Nguyễn Thị Cúc làm chủ hộ (tách từ hộ của Nguyễn Văn Bình)."));
        assertThat(SERVICES.changes().getFirst().text()).startsWith(
                "{\"personIds\":[\"p-2\"],\"newHeadPersonId\":\"p-2\",\"relations\":{},\"village\":\"Tổ dân phố 4\"");
    }

    @Test
    void aSplitTheServiceRefusesShowsItsReasonOnTheForm() throws Exception {
        SERVICES.refuse("POST", "/api/v1/households/h-1/split", "personIds", "at least one member must stay");
        mvc.perform(post("/ho-gia-dinh/h-1/tach-ho").with(hoa()).with(csrf()).param("personIds", "p-2")
                        .param("newHeadPersonId", "p-2").param("action", "send"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#personIds\">Phải còn ít nhất một người"),
                        containsString("id=\"personIds-error\""))));
    }

    @Test
    void aMergeAsksWhatEachNewMemberIsToTheHeadThenSendsIt() throws Exception {
        SERVICES.json("GET", "/api/v1/households/h-3", 200, """
                {"id":"h-3","unitCode":"08707","village":"Tổ dân phố 3","status":"ACTIVE","members":[
                 {"personId":"p-5","fullName":"Trần Thị Hạnh","dateOfBirth":"1950-01-01","sex":"FEMALE",
                  "relationToHead":"HEAD","status":"ACTIVE"}]}""");
        mvc.perform(post("/ho-gia-dinh/h-1/nhap-ho").with(hoa()).with(csrf()).param("absorbedHouseholdId", "h-3"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Nhập hộ của Trần Thị Hạnh vào hộ của Nguyễn Văn Bình"),
                        containsString("<label for=\"relations-p-5\">Trần Thị Hạnh</label>"))));
        SERVICES.json("POST", "/api/v1/households/h-1/merge", 200, HOUSEHOLD);
        mvc.perform(post("/ho-gia-dinh/h-1/nhap-ho").with(hoa()).with(csrf()).param("absorbedHouseholdId", "h-3")
                        .param("relations[p-5]", "PARENT_IN_LAW").param("action", "send"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("changed", "Đã nhập hộ của Trần Thị Hạnh (1 người) vào hộ này."));
        assertThat(SERVICES.changes().getFirst().text()).isEqualTo(
                "{\"absorbedHouseholdId\":\"h-3\",\"relations\":{\"p-5\":\"PARENT_IN_LAW\"},\"effectiveDate\":null}");
    }

    @Test
    void aMergeOfAnUnknownHouseholdIsSaidBesideItsCode() throws Exception {
        mvc.perform(post("/ho-gia-dinh/h-1/nhap-ho").with(hoa()).with(csrf()).param("absorbedHouseholdId", "h-404"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#absorbedHouseholdId\">Không có hộ mã h-404.")));
    }

    @Test
    void movingAwayIsCheckedThenSent() throws Exception {
        mvc.perform(get("/ho-gia-dinh/h-1/chuyen-di").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(containsString("<legend>Lý do</legend>")));
        mvc.perform(post("/ho-gia-dinh/h-1/chuyen-di").with(hoa()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#reason\">Hãy chọn lý do.</a>")));
        mvc.perform(post("/ho-gia-dinh/h-1/chuyen-di").with(hoa()).with(csrf()).param("reason", "MOVED_AWAY"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<dd>Cả hộ chuyển đi nơi khác</dd>")));
        assertThat(SERVICES.changes()).isEmpty();
        SERVICES.json("POST", "/api/v1/households/h-1/move-away", 200, HOUSEHOLD.replace("\"status\":\"ACTIVE\",\"currentClass\"", "\"status\":\"REMOVED\",\"currentClass\""));
        mvc.perform(post("/ho-gia-dinh/h-1/chuyen-di").with(hoa()).with(csrf()).param("reason", "MOVED_AWAY")
                        .param("action", "send"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("changed",
                        "Hộ của Nguyễn Văn Bình đã ra khỏi danh sách quản lý (cả hộ chuyển đi nơi khác)."));
    }
}
