package vn.giamngheo.portal.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** The statistics upload: the office's file sent as it is, every rejected row listed, bad input refused first. */
class StatisticsPageTest extends ProgrammeTest {

    private static final String CSV = """
            year,unitCode,households,population
            2025,08716,14200,49800
            2025,08707,0,100
            """;

    @BeforeEach
    void rows() {
        SERVICES.json("GET", "/api/v1/statistics", 200, """
                [{"unitCode":"08716","year":2025,"households":14200,"population":49800,"officers":12},
                 {"unitCode":"08716","year":2024,"households":14000,"population":49000,"officers":null}]""");
    }

    @Test
    void theRowsOfTheLatestYearAreShown() throws Exception {
        mvc.perform(get("/chuong-trinh/thong-ke").with(steering())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Số liệu năm 2025"),
                        containsString("Phường Vĩnh Phúc (08716)"), containsString(">14.200<"),
                        containsString(">49.800<"), containsString("href=\"/chuong-trinh/thong-ke?nam=2024\""))));
    }

    @Test
    void everyRejectedRowIsListedWithItsLineColumnAndReasonAndTheFileWentAsCsv() throws Exception {
        SERVICES.json("POST", "/api/v1/statistics", 400, """
                {"status":400,"detail":"line 3: households: must be more than 0; was 0",
                 "errors":[{"field":"line 3: households","reason":"must be more than 0; was 0"},
                           {"field":"line 3: population","reason":"must be at least the number of households (0); was -1"}]}""");
        mvc.perform(multipart("/chuong-trinh/thong-ke").file(new MockMultipartFile("file", "thong-ke-2025.csv",
                        "text/csv", CSV.getBytes(StandardCharsets.UTF_8))).with(duc()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Tệp có dòng sai: chưa dòng nào được lưu"),
                        containsString("<td class=\"num\" data-label=\"Dòng\">3</td>"),
                        containsString("<td data-label=\"Cột\">households (Số hộ)</td>"),
                        containsString("Phải lớn hơn 0; đã ghi 0."),
                        containsString("<td data-label=\"Cột\">population (Số dân)</td>"))));
        var sent = SERVICES.changes().getFirst();
        assertThat(sent.contentType()).startsWith("text/csv");
        assertThat(sent.text()).isEqualTo(CSV);
        assertThat(sent.authorization()).isEqualTo("Bearer access-token");
    }

    @Test
    void anExcelFileGoesAsItIsAndItsRowsAreCountedAfterTheRedirect() throws Exception {
        SERVICES.json("POST", "/api/v1/statistics", 200, "{\"stored\":2}");
        byte[] xlsx = {'P', 'K', 3, 4, 7};
        var stored = mvc.perform(multipart("/chuong-trinh/thong-ke").file(new MockMultipartFile("file",
                        "thong-ke-2025.xlsx", "application/octet-stream", xlsx)).with(duc()).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/chuong-trinh/thong-ke"))
                .andExpect(flash().attribute("stored", 2)).andReturn();
        assertThat(SERVICES.changes().getFirst().contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(SERVICES.changes().getFirst().body()).isEqualTo(xlsx);
        mvc.perform(get("/chuong-trinh/thong-ke").with(duc()).flashAttrs(stored.getFlashMap()))
                .andExpect(content().string(containsString("Đã lưu 2 dòng số liệu từ tệp thong-ke-2025.xlsx.")));
    }

    @Test
    void noFileOrAnotherKindOfFileIsRefusedBesideTheFieldWithoutCallingTheService() throws Exception {
        mvc.perform(multipart("/chuong-trinh/thong-ke").file(new MockMultipartFile("file", "a.csv", "text/csv",
                        new byte[0])).with(duc()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#file\">Hãy chọn tệp số liệu")));
        mvc.perform(multipart("/chuong-trinh/thong-ke").file(new MockMultipartFile("file", "so-lieu.xls",
                        "application/vnd.ms-excel", new byte[] {1})).with(duc()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"file-error\""),
                        containsString("Tệp “so-lieu.xls” không phải tệp .csv hoặc .xlsx."))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void theSteeringCommitteeCannotUpload() throws Exception {
        mvc.perform(multipart("/chuong-trinh/thong-ke").file(new MockMultipartFile("file", "a.csv", "text/csv",
                        CSV.getBytes(StandardCharsets.UTF_8))).with(steering()).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(SERVICES.changes()).isEmpty();
    }
}
