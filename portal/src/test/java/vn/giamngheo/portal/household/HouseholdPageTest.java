package vn.giamngheo.portal.household;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A household's page composed from the services, one of them down: household-service (a fake answering as the real
 * one does) gives the household and its classes, notification-service refuses its reads, and policy-service
 * does not run. The page renders, and each section says what happened to it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HouseholdPageTest {

    static final HttpServer HOUSEHOLD = fakeHouseholdService();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String household = "http://127.0.0.1:" + HOUSEHOLD.getAddress().getPort();
        String down = "http://127.0.0.1:" + closedPort();
        registry.add("portal.services.household", () -> household);
        registry.add("portal.services.notification", () -> household);
        registry.add("portal.services.policy", () -> down);
        registry.add("portal.services.reporting", () -> down);
    }

    @AfterAll
    static void stop() {
        HOUSEHOLD.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    OidcLoginRequestPostProcessor hoa() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("giamngheo"))
                .idToken(t -> t.subject("can-bo-08707").claim("name", "Nguyễn Thị Hoa")
                        .claim("roles", List.of("WARD_OFFICER")).claim("units", List.of("08707")));
    }

    @Test
    void eachSectionSaysWhatItsServiceSaid() throws Exception {
        mvc.perform(get("/ho-gia-dinh/h-1").with(hoa())).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Hộ gia đình: chủ hộ Nguyễn Văn Bình"),
                        containsString("Phường Vĩnh Phúc (08707)"),
                        containsString("Hộ nghèo"),
                        containsString("12/34/QĐ-UBND"),
                        containsString("15/12/2025"),
                        containsString("1.250.000 đ/tháng"),
                        containsString("Dịch vụ chính sách tạm thời không trả lời"),
                        containsString("Vai trò hoặc đơn vị của bạn không được xem phần này (dịch vụ thông báo"),
                        not(containsString("Exception")))));
    }

    @Test
    void aHouseholdOutsideThePersonsUnitsIsAForbiddenPage() throws Exception {
        mvc.perform(get("/ho-gia-dinh/h-other").with(hoa())).andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("Bạn không được xem trang này"),
                        containsString("không thuộc đơn vị bạn phụ trách"))));
    }

    @Test
    void anUnknownHouseholdIsNotFound() throws Exception {
        mvc.perform(get("/ho-gia-dinh/h-none").with(hoa())).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không tìm thấy")));
    }

    private static HttpServer fakeHouseholdService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/units", e -> answer(e, 200, """
                    [{"code":"08707","name":"Phường Vĩnh Phúc","level":"COMMUNE"}]"""));
            server.createContext("/api/v1/households/h-1/classes", e -> answer(e, 200, """
                    [{"decisionNumber":"12/34/QĐ-UBND","decisionDate":"2025-12-15","effectiveDate":"2026-01-01",
                      "standard":"2022-2025","fromClass":null,"toClass":"POOR","transition":"INITIAL",
                      "monthlyIncomePerCapitaVnd":1250000,"deprivedIndicators":["HEALTH_INSURANCE"]}]"""));
            server.createContext("/api/v1/households/h-1", e -> answer(e, 200, """
                    {"id":"h-1","unitCode":"08707","unitSince":"2025-07-01","village":"Tổ dân phố 3",
                     "registeredAt":"2025-08-01T02:00:00Z","version":3,"status":"ACTIVE","currentClass":"POOR",
                     "members":[{"personId":"p-1","fullName":"Nguyễn Văn Bình","dateOfBirth":"1970-03-04",
                       "sex":"MALE","citizenId":"026070000001","relationToHead":"HEAD","status":"ACTIVE"}]}"""));
            server.createContext("/api/v1/households/h-other", e -> answer(e, 403, """
                    {"status":403,"detail":"outside your units"}"""));
            server.createContext("/api/v1/households/h-none", e -> answer(e, 404, """
                    {"status":404,"detail":"Household h-none"}"""));
            // notification-service refusing these reads: the two sections say so, the rest of the page renders
            server.createContext("/api/v1/card-requests", e -> answer(e, 403, "{\"status\":403}"));
            server.createContext("/api/v1/messages", e -> answer(e, 403, "{\"status\":403}"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status < 400 ? "application/json"
                : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
