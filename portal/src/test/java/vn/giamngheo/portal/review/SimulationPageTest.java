package vn.giamngheo.portal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.giamngheo.portal.registry.FakeService;
import vn.giamngheo.portal.registry.RemainingPagesTest;

/** The Sở NN&MT's what-if under another standard: the form, the figures, the service's reasons beside the fields. */
class SimulationPageTest extends RemainingPagesTest {

    static final String RESULT = """
            {"standard":"VN-MPS-2027-2030","referenceDate":"2027-01-01","provisionalStandard":true,
             "middleBand":{"choice":"AS_FILED","lines":{"RURAL":2250000,"URBAN":3000000},
              "provisionalReason":"no source defines the 2027-2030 band"},
             "current":{"POOR":12,"NEAR_POOR":20,"MIDDLE":30,"ABOVE":1038},
             "simulated":{"POOR":19,"NEAR_POOR":25,"MIDDLE":28,"ABOVE":1028},"moved":14,
             "transitions":{"ABOVE->NEAR_POOR":5,"NEAR_POOR->POOR":7,"MIDDLE->NEAR_POOR":2},
             "notAssessed":3,"unitNotResolved":0,"indicatorsDropped":["INFORMATION_ACCESS"],
             "indicatorsNotSurveyed":["WASTE"],
             "units":{"08707":{"current":{"POOR":4,"NEAR_POOR":6},"simulated":{"POOR":6,"NEAR_POOR":8},"transitions":{}},
                      "04828":{"current":{"POOR":8,"NEAR_POOR":14},"simulated":{"POOR":13,"NEAR_POOR":17},"transitions":{}}}}""";

    @BeforeEach
    void standards() {
        SERVICES.json("GET", "/api/v1/standards", 200, """
                [{"code":"VN-MPS-2022-2025","name":"Chuẩn nghèo đa chiều giai đoạn 2022–2025","provisional":false},
                 {"code":"VN-MPS-2027-2030","name":"Chuẩn nghèo đa chiều quốc gia giai đoạn 2027–2030","provisional":true}]""");
    }

    @Test
    void theFormOffersTheStandardsAndTheBands() throws Exception {
        mvc.perform(get("/ra-soat/mo-phong").with(soNnmt()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<option value=\"VN-MPS-2027-2030\">Chuẩn nghèo đa chiều quốc gia giai đoạn 2027–2030 (tạm tính)</option>"),
                        containsString("value=\"PROPOSED\""), containsString("name=\"referenceDate\""))));
    }

    @Test
    void aSimulationShowsTheFiguresPerClassTheMovesAndTheCommunes() throws Exception {
        SERVICES.json("POST", "/api/v1/simulations", 200, RESULT);
        mvc.perform(post("/ra-soat/mo-phong").with(soNnmt()).with(csrf()).param("standard", "VN-MPS-2027-2030")
                        .param("referenceDate", "01/01/2027").param("bandChoice", "AS_FILED").param("area", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Kết quả theo chuẩn VN-MPS-2027-2030 tại ngày 01/01/2027"),
                        containsString("data-label=\"Theo mô phỏng\">19</td>"),
                        containsString("data-label=\"Chênh lệch\">+7</td>"),
                        containsString("<dd id=\"so-ho-thay-doi\">14</dd>"),
                        containsString("data-label=\"Chênh lệch\">-10</td>"),
                        containsString("Phường Thống Nhất (04828)"), containsString("WASTE"))));
        FakeService.Request sent = SERVICES.changes().getFirst();
        assertThat(sent.text()).isEqualTo("{\"standard\":\"VN-MPS-2027-2030\",\"referenceDate\":\"2027-01-01\","
                + "\"middleBand\":{\"choice\":\"AS_FILED\",\"ruralVnd\":null,\"urbanVnd\":null}}");
        assertThat(sent.authorization()).startsWith("Bearer ");
    }

    @Test
    void oneCommuneShowsOnlyItsRow() throws Exception {
        SERVICES.json("POST", "/api/v1/simulations", 200, RESULT);
        mvc.perform(post("/ra-soat/mo-phong").with(admin()).with(csrf()).param("referenceDate", "01/01/2027")
                        .param("bandChoice", "NONE").param("area", "08707"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<th scope=\"row\">Phường Vĩnh Phúc (08707)</th>"),
                        not(containsString("<th scope=\"row\">Phường Thống Nhất (04828)</th>")))));
    }

    @Test
    void theServicesReasonIsBesideTheBandChoice() throws Exception {
        SERVICES.refuse("POST", "/api/v1/simulations", "middleBand",
                "VN-MPS-2027-2030's middle-living band is provisional (carried): say which band to simulate");
        mvc.perform(post("/ra-soat/mo-phong").with(soNnmt()).with(csrf()).param("standard", "VN-MPS-2027-2030")
                        .param("referenceDate", "01/01/2027"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#bandChoice\">Mức sống trung bình của chuẩn VN-MPS-2027-2030 chưa chính thức"),
                        containsString("id=\"bandChoice-error\""), containsString("value=\"01/01/2027\""))));
    }

    @Test
    void badInputIsSaidBesideItsFieldAndNothingIsSent() throws Exception {
        mvc.perform(post("/ra-soat/mo-phong").with(soNnmt()).with(csrf()).param("referenceDate", "")
                        .param("bandChoice", "PROPOSED").param("ruralVnd", "hai triệu"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<a href=\"#referenceDate\">"),
                        containsString("id=\"ruralVnd-error\""))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void aWardOfficerIsRefusedAndSeesNoLink() throws Exception {
        mvc.perform(get("/ra-soat/mo-phong").with(hoa()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bạn không được xem trang này")));
        mvc.perform(post("/ra-soat/mo-phong").with(hoa()).with(csrf()).param("referenceDate", "01/01/2027"))
                .andExpect(status().isForbidden());
        assertThat(SERVICES.changes()).isEmpty();
        mvc.perform(get("/").with(hoa())).andExpect(content().string(not(containsString("/ra-soat/mo-phong"))));
        mvc.perform(get("/").with(soNnmt())).andExpect(content().string(containsString("href=\"/ra-soat/mo-phong\"")));
    }

    @Test
    void householdServiceDownKeepsTheFormWithA503() throws Exception {
        down(SERVICES, "POST", "/api/v1/simulations");
        mvc.perform(post("/ra-soat/mo-phong").with(soNnmt()).with(csrf()).param("referenceDate", "01/01/2027"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(containsString("quản lý hộ gia đình"),
                        containsString("value=\"01/01/2027\""))));
    }
}
