package vn.giamngheo.portal.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/** The live relay: an event on reporting-service's (fake) stream reaches the browser's endpoint as the plan's rows. */
class LiveRelayTest extends ProgrammeTest {

    @Autowired
    LiveRelay relay;

    @Test
    void anEventOfTheAreasStreamReachesTheBrowserAsTheRowsOfThePlan() throws Exception {
        SERVICES.json("GET", "/api/v1/plans/ke-hoach-2026-08716", 200, PLAN);
        SERVICES.json("GET", "/api/v1/plans/ke-hoach-2026-08716/progress", 200, progress("38"));
        // One event, then the stream ends (the fake answers whole): the relay passes it on, then ends too.
        SERVICES.bytes("GET", "/api/v1/areas/08716/stream", "text/event-stream",
                ": hello\n\nevent:figures\ndata:{\"area\":\"08716\"}\n\n".getBytes(StandardCharsets.UTF_8));
        MvcResult result = mvc.perform(get("/chuong-trinh/ke-hoach/ke-hoach-2026-08716/truc-tiep").with(duc()))
                .andExpect(request().asyncStarted()).andReturn();
        MockHttpServletResponse response = result.getResponse();
        // Until the relay has passed the event on and ended with the service's stream.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> relay.open() == 0
                && response.getContentAsString(StandardCharsets.UTF_8).contains("event:progress"));
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getContentType()).startsWith("text/event-stream");
        assertThat(body).contains("retry:3000", "event:progress", "\"indicator\":\"POOR_HOUSEHOLDS\"",
                "\"current\":\"38 hộ\"", "\"statusText\":\"Có nguy cơ không đạt\"", "Số liệu ngày 07/12/2026");
        assertThat(body).as("the token stays on the server").doesNotContain("access-token");
        assertThat(relay.open()).as("the relay ended with the service's stream").isZero();
    }
}
