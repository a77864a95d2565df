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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administrator's document templates: the list, the edit page, the service's reason beside the text. */
class TemplatesPageTest extends ReviewStepsTest {

    static final String TEMPLATES = "/api/v1/document-templates";

    @BeforeEach
    void templates() {
        SERVICES.json("GET", TEMPLATES, 200, """
                [{"kind":"minutes","title":"Biên bản họp dân","version":0,"effectiveFrom":"2021-01-01","builtIn":true},
                 {"kind":"decision","title":"Quyết định","version":2,"effectiveFrom":"2026-09-01",
                  "updatedAt":"2026-08-30T03:00:00Z","updatedBy":"quan-tri","builtIn":false}]""");
        SERVICES.json("GET", TEMPLATES + "/decision", 200, """
                {"kind":"decision","title":"Quyết định","version":2,"effectiveFrom":"2026-09-01","builtIn":false,
                 "content":"<html><body><p>{{quocHieu}}</p></body></html>",
                 "placeholders":[{"name":"quocHieu","description":"Quốc hiệu"},
                                 {"name":"soQuyetDinh","description":"Số quyết định"}]}""");
    }

    @Test
    void theListNamesEachTemplateItsVersionAndWhoChangedIt() throws Exception {
        mvc.perform(get("/quan-tri/mau-van-ban").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/quan-tri/mau-van-ban/decision\""),
                        containsString(">Quyết định công nhận</a>"), containsString("Mẫu có sẵn"),
                        containsString("quan-tri, 10:00 30/08/2026"))));
    }

    @Test
    void theEditPageShowsTheTextAndThePlaceholdersAndOnlyTheAdministratorEditsIt() throws Exception {
        mvc.perform(get("/quan-tri/mau-van-ban/decision").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("&lt;p&gt;{{quocHieu}}&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</textarea>"),
                        containsString("<code>{{soQuyetDinh}}</code>"), containsString("<dd>Số quyết định</dd>"))));
        mvc.perform(get("/quan-tri/mau-van-ban/decision").with(officer())).andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("<textarea")),
                        containsString("Chỉ quản trị hệ thống sửa được mẫu văn bản."))));
        mvc.perform(get("/quan-tri/mau-van-ban/khac").with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void aTextTheServiceRefusesKeepsItsReasonWithTheLineBesideTheTextAndTheTextItself() throws Exception {
        SERVICES.refuse("PUT", TEMPLATES + "/decision", "content", "line 3: not well-formed XHTML: unclosed p");
        mvc.perform(post("/quan-tri/mau-van-ban/decision").with(admin()).with(csrf())
                        .param("content", "<html>\n<body>\n<p>{{quocHieu}}\n</body></html>")
                        .param("effectiveFrom", "01/01/2027"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"content-error\""),
                        containsString("<a href=\"#content\">line 3: not well-formed XHTML: unclosed p</a>"),
                        containsString("&lt;p&gt;{{quocHieu}}\n&lt;/body&gt;&lt;/html&gt;</textarea>"),
                        containsString("value=\"01/01/2027\""))));
    }

    @Test
    void aBadDateIsSaidBesideItAndNothingIsSentThenAGoodVersionIsSaved() throws Exception {
        mvc.perform(post("/quan-tri/mau-van-ban/decision").with(admin()).with(csrf()).param("content", "<html/>")
                        .param("effectiveFrom", "1/13/2027"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#effectiveFrom\">“1/13/2027” không phải")));
        assertThat(SERVICES.changes()).isEmpty();
        SERVICES.json("PUT", TEMPLATES + "/decision", 200, """
                {"kind":"decision","version":3,"effectiveFrom":"2027-01-01","content":"<html/>","placeholders":[]}""");
        mvc.perform(post("/quan-tri/mau-van-ban/decision").with(admin()).with(csrf()).param("content", "<html/>")
                        .param("effectiveFrom", "01/01/2027"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/quan-tri/mau-van-ban"))
                .andExpect(flash().attribute("changed",
                        "Đã lưu Quyết định công nhận, phiên bản 3, áp dụng từ 01/01/2027."));
        assertThat(SERVICES.changes().getFirst().text())
                .isEqualTo("{\"content\":\"<html/>\",\"effectiveFrom\":\"2027-01-01\"}");
    }
}
