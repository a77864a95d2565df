package vn.giamngheo.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** The Excel import page: the template through the portal, an upload's rejected rows, a registered file. */
class ImportPageTest extends RegistryFormTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final MockMultipartFile FILE = new MockMultipartFile("file", "ho-to-3.xlsx", XLSX,
            new byte[] {'P', 'K', 3, 4});

    @Test
    void theTemplateComesFromHouseholdServiceWithThePersonsToken() throws Exception {
        SERVICES.bytes("GET", "/api/v1/households/import-template", XLSX, new byte[] {'P', 'K', 3, 4, 9});
        mvc.perform(get("/ho-gia-dinh/nhap-excel/mau").with(hoa())).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XLSX))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(new byte[] {'P', 'K', 3, 4, 9}));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void everyRejectedRowIsListedWithItsColumnAndReasonAndNothingIsRegistered() throws Exception {
        SERVICES.json("POST", "/api/v1/households/import-upload", 422, """
                {"status":422,"title":"Tệp nhập hộ có dòng sai",
                 "detail":"Tệp có 1 lỗi ở 1 hộ: không hộ nào được ghi vào sổ. Sửa các dòng được liệt kê rồi tải lại cả tệp.",
                 "registered":0,"alreadyRegistered":0,"rejected":1,
                 "problems":[{"row":5,"column":"Ngày sinh","field":"dateOfBirth","reason":"“31/02/1980” không phải ngày có thật"}],
                 "errors":[{"field":"rows[5].dateOfBirth","reason":"Ngày sinh: “31/02/1980” không phải ngày có thật"}]}""");
        mvc.perform(multipart("/ho-gia-dinh/nhap-excel").file(FILE).with(hoa()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(
                        containsString("Tệp có dòng sai: chưa hộ nào được ghi vào sổ"),
                        containsString("<td class=\"num\" data-label=\"Dòng\">5</td>"),
                        containsString("<td data-label=\"Cột\">Ngày sinh</td>"),
                        containsString("“31/02/1980” không phải ngày có thật"),
                        containsString("Sửa tệp rồi tải lên lại"))));
        FakeService.Request sent = SERVICES.changes().getFirst();
        assertThat(sent.authorization()).isEqualTo("Bearer access-token");
        assertThat(sent.contentType()).startsWith("multipart/form-data");
        assertThat(new String(sent.body(), StandardCharsets.UTF_8)).contains("name=\"file\"",
                "filename=\"ho-to-3.xlsx\"");
    }

    @Test
    void aFileRegisteredWholeIsCountedOnThePageAfterTheRedirect() throws Exception {
        SERVICES.json("POST", "/api/v1/households/import-upload", 200, """
                {"registered":12,"alreadyRegistered":0,"rejected":0,"problems":[],"households":[]}""");
        var imported = mvc.perform(multipart("/ho-gia-dinh/nhap-excel").file(FILE).with(hoa()).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/ho-gia-dinh/nhap-excel"))
                .andExpect(flash().attributeExists("imported")).andReturn();
        mvc.perform(get("/ho-gia-dinh/nhap-excel").with(hoa())
                        .flashAttrs(imported.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã ghi vào sổ 12 hộ từ tệp ho-to-3.xlsx.")));
    }

    @Test
    void aFileThatIsNotXlsxIsRefusedBesideTheFieldWithoutCallingTheService() throws Exception {
        mvc.perform(multipart("/ho-gia-dinh/nhap-excel").file(new MockMultipartFile("file", "danh-sach.xls",
                        "application/vnd.ms-excel", new byte[] {1, 2})).with(hoa()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#file\">Tệp “danh-sach.xls” không phải tệp Excel .xlsx."),
                        containsString("id=\"file-error\""))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void theServicesRefusalOfTheFileIsBesideTheField() throws Exception {
        SERVICES.refuse("POST", "/api/v1/households/import-upload", "file",
                "Tệp không phải sổ tính Excel .xlsx (tệp .xls cũ hoặc tệp khác đổi tên)");
        mvc.perform(multipart("/ho-gia-dinh/nhap-excel").file(FILE).with(hoa()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#file\">Tệp không phải sổ tính Excel .xlsx")));
    }

    @Test
    void aFileOverTheLimitIsSentBackToThePageWhichSaysSoBesideTheField() throws Exception {
        mvc.perform(multipart("/ho-gia-dinh/nhap-excel").file(FILE).with(hoa()).with(csrf())
                        .with(r -> {
                            // What the browser declares; the filter reads only that.
                            r.setContent(new byte[11 * 1024 * 1024]);
                            return r;
                        }))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/ho-gia-dinh/nhap-excel?qua-lon=1"));
        mvc.perform(get("/ho-gia-dinh/nhap-excel?qua-lon=1").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"#file\">Tệp lớn hơn 10 MB.")));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(multipart("/ho-gia-dinh/nhap-excel").file(FILE).with(hoa())).andExpect(status().isForbidden());
        assertThat(SERVICES.changes()).isEmpty();
    }
}
