package vn.giamngheo.portal.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** Officers' training records: the courses of an area and year, a course recorded with its attendees. */
class TrainingPagesTest extends ProgrammeTest {

    private static final String COURSE = """
            {"id":"tap-huan-1","title":"Tập huấn rà soát hộ nghèo 2026","organiser":"08716",
             "startDate":"2026-03-02","endDate":"2026-03-04",
             "attendees":[{"officerId":"can-bo-08716","unitCode":"08716"},{"officerId":"can-bo-08707","unitCode":"08707"}]}""";

    @Test
    void theCoursesOfAnAreaAndYearAreListedWithTheirAttendance() throws Exception {
        SERVICES.json("GET", "/api/v1/training/courses", 200, "[" + COURSE + "]");
        mvc.perform(get("/chuong-trinh/tap-huan").param("dvhc", "08716").param("nam", "2026").with(steering()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tập huấn rà soát hộ nghèo 2026"),
                        containsString("Phường Vĩnh Phúc (08716)"), containsString("02/03/2026 – 04/03/2026"),
                        containsString("2 người"), containsString("can-bo-08707 (08707)"))));
    }

    @Test
    void aDayThatIsNotADateIsRefusedBesideItsFieldWithNothingSentAndTheRowsKept() throws Exception {
        mvc.perform(post("/chuong-trinh/tap-huan/moi").with(duc()).with(csrf())
                        .param("title", "Tập huấn 2026").param("organiser", "08716")
                        .param("startDate", "02/03/2026").param("endDate", "31/02/2026")
                        .param("attendees[0].officerId", "can-bo-08716").param("attendees[0].unitCode", "08716"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#endDate\">“31/02/2026” không phải một ngày có thật"),
                        containsString("id=\"endDate-error\""), containsString("value=\"can-bo-08716\""),
                        containsString("value=\"Tập huấn 2026\""))));
        assertThat(SERVICES.changes()).isEmpty();
    }

    @Test
    void theServicesRefusalIsShownBesideTheRowWhenEditing() throws Exception {
        SERVICES.json("GET", "/api/v1/training/courses", 200, "[" + COURSE + "]");
        SERVICES.refuse("PUT", "/api/v1/training/courses/tap-huan-1", "attendees[1].unitCode",
                "must be the code of the officer's unit; was 99999");
        mvc.perform(post("/chuong-trinh/tap-huan/tap-huan-1/sua").with(duc()).with(csrf())
                        .param("title", "Tập huấn rà soát hộ nghèo 2026").param("organiser", "08716")
                        .param("startDate", "02/03/2026").param("endDate", "04/03/2026")
                        .param("attendees[0].officerId", "can-bo-08716").param("attendees[0].unitCode", "08716")
                        .param("attendees[3].officerId", "can-bo-x").param("attendees[3].unitCode", "99999"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"#attendees-3-unitCode\">Phải là mã đơn vị của cán bộ; đã ghi “99999”."),
                        containsString("id=\"attendees-3-unitCode-error\""), containsString("value=\"can-bo-x\""))));
        assertThat(SERVICES.changes()).hasSize(1);
        assertThat(SERVICES.changes().getFirst().text()).contains(
                "\"attendees\":[{\"officerId\":\"can-bo-08716\",\"unitCode\":\"08716\"},"
                        + "{\"officerId\":\"can-bo-x\",\"unitCode\":\"99999\"}]", "\"endDate\":\"2026-03-04\"");
    }

    @Test
    void aRecordedCourseGoesBackToTheListOfItsYear() throws Exception {
        SERVICES.json("GET", "/api/v1/training/courses", 200, "[" + COURSE + "]");
        SERVICES.json("PUT", "/api/v1/training/courses/tap-huan-1", 200, COURSE);
        mvc.perform(post("/chuong-trinh/tap-huan/tap-huan-1/sua").with(duc()).with(csrf())
                        .param("title", "Tập huấn rà soát hộ nghèo 2026").param("organiser", "08716")
                        .param("startDate", "02/03/2026").param("endDate", "04/03/2026")
                        .param("attendees[0].officerId", "can-bo-08716").param("attendees[0].unitCode", "08716"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/chuong-trinh/tap-huan?nam=2026"));
    }
}
