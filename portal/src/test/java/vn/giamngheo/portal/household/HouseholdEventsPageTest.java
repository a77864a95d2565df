package vn.giamngheo.portal.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import vn.giamngheo.portal.registry.RemainingPagesTest;

/** The administrator's and the Sở NN&MT's diagnostic: the events notification-service has seen for a household. */
class HouseholdEventsPageTest extends RemainingPagesTest {

    @Test
    void theEventsAreListedOldestFirstWithTheirNames() throws Exception {
        SERVICES.json("GET", "/api/v1/households/h-1/events", 200, """
                [{"eventId":"e-1","type":"vn.giamngheo.household.registered.v1","sequence":1,"time":"2026-11-02T01:00:00Z"},
                 {"eventId":"e-2","type":"vn.giamngheo.household.reclassified.v1","sequence":2,"time":"2026-12-01T02:30:00Z"},
                 {"eventId":"e-3","type":"vn.giamngheo.something.new.v2","sequence":3,"time":"2026-12-02T02:30:00Z"}]""");
        mvc.perform(get("/ho-gia-dinh/h-1/su-kien").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("3 sự kiện, cũ nhất trước"),
                        containsString("Đăng ký hộ"), containsString("Thay đổi phân loại"),
                        containsString("vn.giamngheo.something.new.v2"), containsString("08:00 02/11/2026"),
                        containsString("Hộ của Nguyễn Văn Bình"))));
        assertThat(SERVICES.requests().stream().filter(r -> r.path().endsWith("/events")).findFirst().orElseThrow()
                .authorization()).startsWith("Bearer ");
    }

    @Test
    void noEventsYetIsSaidPlainly() throws Exception {
        mvc.perform(get("/ho-gia-dinh/h-1/su-kien").with(soNnmt()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("chưa nhận sự kiện nào của hộ này")));
    }

    @Test
    void notificationServiceDownIsSaidWithA503() throws Exception {
        down(SERVICES, "GET", "/api/v1/households/h-1/events");
        mvc.perform(get("/ho-gia-dinh/h-1/su-kien").with(admin()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("thông báo và thẻ BHYT tạm thời không trả lời")));
    }

    @Test
    void aWardOfficerIsRefusedAndSeesNoLink() throws Exception {
        mvc.perform(get("/ho-gia-dinh/h-1/su-kien").with(hoa()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bạn không được xem trang này")));
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().endsWith("/events"));
        mvc.perform(get("/ho-gia-dinh/h-1").with(hoa()))
                .andExpect(content().string(not(containsString("href=\"/ho-gia-dinh/h-1/su-kien\""))));
        mvc.perform(get("/ho-gia-dinh/h-1").with(admin()))
                .andExpect(content().string(containsString("href=\"/ho-gia-dinh/h-1/su-kien\"")));
    }
}
