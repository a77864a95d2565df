package vn.giamngheo.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * The audit viewer over the services' audit APIs: household-service and policy-service answer (their entries merged
 * by time), notification-service refuses the person's role, reporting-service does not run. Each fake keeps the
 * queries it was asked, so that a test can say what was asked, or that nothing was.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditPageTest {

    /** One service's /api/v1 as a fake: an answer per path, every query kept. */
    static final class Fake {
        final HttpServer server;
        final Map<String, String> answers = new ConcurrentHashMap<>();
        final Map<String, Integer> statuses = new ConcurrentHashMap<>();
        final List<String> asked = new CopyOnWriteArrayList<>();

        Fake() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", e -> {
                String path = e.getRequestURI().getPath();
                asked.add(path + "?" + e.getRequestURI().getQuery());
                String body = answers.getOrDefault(path, "{\"status\":404}");
                int status = statuses.getOrDefault(path, answers.containsKey(path) ? 200 : 404);
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                e.getResponseHeaders().add("Content-Type", status < 400 ? "application/json"
                        : "application/problem+json");
                e.sendResponseHeaders(status, bytes.length);
                e.getResponseBody().write(bytes);
                e.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<String> audits() {
            return asked.stream().filter(q -> q.startsWith("/api/v1/audit")).toList();
        }
    }

    static final Fake HOUSEHOLD = new Fake();
    static final Fake POLICY = new Fake();
    static final Fake NOTIFICATION = new Fake();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.services.household", HOUSEHOLD::url);
        registry.add("portal.services.policy", POLICY::url);
        registry.add("portal.services.notification", NOTIFICATION::url);
        registry.add("portal.services.reporting", AuditPageTest::down);
    }

    @AfterAll
    static void stop() {
        HOUSEHOLD.server.stop(0);
        POLICY.server.stop(0);
        NOTIFICATION.server.stop(0);
    }

    @BeforeEach
    void answers() {
        for (Fake fake : List.of(HOUSEHOLD, POLICY, NOTIFICATION)) {
            fake.asked.clear();
            fake.answers.clear();
            fake.statuses.clear();
        }
        HOUSEHOLD.answers.put("/api/v1/units", """
                [{"code":"08707","name":"Phường Vĩnh Phúc","level":"COMMUNE"}]""");
        // Times in UTC: 01:00Z is 08:00 in Vietnam.
        HOUSEHOLD.answers.put("/api/v1/audit", """
                [{"id":"a3","at":"2026-11-20T03:00:00Z","service":"household-service","subject":"can-bo-08707",
                  "name":"Nguyễn Thị Hoa","roles":["WARD_OFFICER"],"method":"POST","path":"/api/v1/households/h-1/head",
                  "householdId":"h-1","status":200},
                 {"id":"a1","at":"2026-11-20T01:00:00Z","service":"household-service","subject":"so-nnmt",
                  "name":"Hoàng Minh Đức","roles":["LABOUR_OFFICER"],"method":"GET","path":"/api/v1/households/h-1",
                  "householdId":"h-1","status":200}]""");
        POLICY.answers.put("/api/v1/audit", """
                [{"id":"b2","at":"2026-11-20T02:00:00Z","service":"policy-service","subject":"giao-duc",
                  "name":"Lê Văn Giáo","roles":["DEPARTMENT_OFFICER"],"method":"GET",
                  "path":"/api/v1/households/h-1/decisions","householdId":"h-1","status":403}]""");
        NOTIFICATION.answers.put("/api/v1/audit", "{\"status\":403,\"detail\":\"Your role does not allow this\"}");
        NOTIFICATION.statuses.put("/api/v1/audit", 403);
        HOUSEHOLD.answers.put("/api/v1/households/search", """
                {"items":[{"id":"h-1","unitCode":"08707","village":"Tổ dân phố 3","headName":"Nguyễn Văn Bình",
                  "activeMembers":3,"currentClass":"POOR","status":"ACTIVE"}],"page":0,"size":20,"total":1}""");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    OidcLoginRequestPostProcessor as(String login, String role, String units) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("giamngheo"))
                .idToken(t -> t.subject(login).claim("name", "Người " + login).claim("roles", List.of(role))
                        .claim("units", List.of(units)));
    }

    OidcLoginRequestPostProcessor soNnmt() {
        return as("so-nnmt", "LABOUR_OFFICER", "*");
    }

    @Test
    void theServicesEntriesAreMergedNewestFirstAndAServiceThatRefusesOrIsDownSaysSo() throws Exception {
        String page = mvc.perform(get("/nhat-ky").param("householdId", "h-1").with(soNnmt()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Nguyễn Thị Hoa (can-bo-08707)"),
                        containsString("Hoàng Minh Đức (so-nnmt)"),
                        containsString("Lê Văn Giáo (giao-duc)"),
                        containsString("10:00 20/11/2026"),
                        containsString("Bị từ chối (403)"),
                        containsString("Vai trò hoặc đơn vị của bạn không được xem phần này (dịch vụ thông báo"),
                        containsString("Dịch vụ báo cáo tạm thời không trả lời"),
                        not(containsString("Exception")))))
                .andReturn().getResponse().getContentAsString();
        // newest first across the services: 10:00 household, 09:00 policy, 08:00 household
        assertThat(page.indexOf("10:00 20/11/2026")).isLessThan(page.indexOf("09:00 20/11/2026"));
        assertThat(page.indexOf("09:00 20/11/2026")).isLessThan(page.indexOf("08:00 20/11/2026"));
        assertThat(page.indexOf("chính sách</td>")).isGreaterThan(0);
        // each service asked once, for the household, enough for the first page
        assertThat(HOUSEHOLD.audits()).singleElement().asString()
                .contains("householdId=h-1").contains("offset=0").contains("limit=" + (AuditPageController.PAGE_SIZE + 1));
        assertThat(POLICY.audits()).hasSize(1);
        assertThat(NOTIFICATION.audits()).hasSize(1);
    }

    @Test
    void theFiltersReachTheServicesAndOneServicePagesByItself() throws Exception {
        mvc.perform(get("/nhat-ky").param("householdId", "h-1").param("subject", "so-nnmt").param("action", "read")
                        .param("service", "HOUSEHOLD").param("from", "01/11/2026").param("to", "30/11/2026")
                        .param("page", "2").with(soNnmt()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Trang 3"), containsString("Trang trước"))));
        assertThat(HOUSEHOLD.audits()).singleElement().asString()
                .contains("householdId=h-1", "subject=so-nnmt", "action=read",
                        // from the first instant of 1 November to the first of 1 December, Vietnam's time
                        "from=2026-10-31T17:00:00Z", "to=2026-11-30T17:00:00Z",
                        "offset=" + 2 * AuditPageController.PAGE_SIZE, "limit=" + (AuditPageController.PAGE_SIZE + 1));
        assertThat(POLICY.audits()).isEmpty();
        assertThat(NOTIFICATION.audits()).isEmpty();
    }

    @Test
    void aRoleThatMayNotReadTheAuditIsToldSoAndNothingIsAsked() throws Exception {
        mvc.perform(get("/nhat-ky").param("householdId", "h-1").with(as("can-bo-08716", "WARD_OFFICER", "08716")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("Vai trò của bạn không được xem nhật ký truy cập"),
                        not(containsString("Hoàng Minh Đức")))));
        assertThat(HOUSEHOLD.audits()).isEmpty();
        assertThat(POLICY.audits()).isEmpty();
        assertThat(NOTIFICATION.audits()).isEmpty();
    }

    @Test
    void badFiltersAreNamedBesideTheirFieldsKeptAndNothingIsAsked() throws Exception {
        mvc.perform(get("/nhat-ky").param("householdId", "h 1!").param("from", "31/02/2026").param("to", "1/1/2026")
                        .param("action", "delete").with(soNnmt()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("Có lỗi cần sửa"),
                        containsString("href=\"#householdId\""),
                        containsString("Mã hộ chỉ gồm chữ, số và dấu gạch ngang."),
                        containsString("“31/02/2026” không phải một ngày có thật"),
                        containsString("Hãy chọn một việc trong danh sách."),
                        containsString("value=\"h 1!\""))));
        mvc.perform(get("/nhat-ky").param("from", "02/11/2026").param("to", "01/11/2026").with(soNnmt()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Hãy nhập mã hộ, tên chủ hộ"),
                        containsString("Ngày kết thúc phải sau ngày bắt đầu."))));
        assertThat(HOUSEHOLD.audits()).isEmpty();
        assertThat(POLICY.audits()).isEmpty();
    }

    @Test
    void aHeadsNameFindsTheHouseholdsToChooseFrom() throws Exception {
        mvc.perform(get("/nhat-ky?q=nguyen+van+binh&action=write").with(soNnmt()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Chọn hộ gia đình"),
                        containsString("Nguyễn Văn Bình — Tổ dân phố 3, Phường Vĩnh Phúc (mã hộ h-1)"),
                        containsString("/nhat-ky?action=write&amp;householdId=h-1"))));
        assertThat(HOUSEHOLD.asked).anyMatch(q -> q.startsWith("/api/v1/households/search?q=nguyen"));
        assertThat(HOUSEHOLD.audits()).isEmpty();
    }

    @Test
    void theHouseholdPageLinksToItsAudit() throws Exception {
        HOUSEHOLD.answers.put("/api/v1/households/h-1", """
                {"id":"h-1","unitCode":"08707","village":"Tổ dân phố 3","status":"ACTIVE","members":[]}""");
        mvc.perform(get("/ho-gia-dinh/h-1").with(soNnmt())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/nhat-ky?householdId=h-1\""),
                        containsString("Hoàng Minh Đức (so-nnmt)"))));
    }

    @Test
    void theHomePageListsThePagesOfThePersonsRole() throws Exception {
        mvc.perform(get("/").with(soNnmt())).andExpect(content().string(containsString("href=\"/nhat-ky\"")));
        mvc.perform(get("/").with(as("can-bo-08707", "WARD_OFFICER", "08707")))
                .andExpect(content().string(allOf(not(containsString("href=\"/nhat-ky\"")),
                        containsString("Tìm một hộ gia đình"), containsString("Đăng ký hộ gia đình"))));
        mvc.perform(get("/").with(as("chu-tich-08707", "COMMUNE_CHAIRMAN", "08707")))
                .andExpect(content().string(allOf(containsString("Tìm một hộ gia đình"),
                        not(containsString("Đăng ký hộ gia đình")), not(containsString("href=\"/nhat-ky\"")))));
        mvc.perform(get("/").with(as("giao-duc", "DEPARTMENT_OFFICER", "*")))
                .andExpect(content().string(allOf(not(containsString("href=\"/nhat-ky\"")),
                        not(containsString("Tìm một hộ gia đình")), not(containsString("Đăng ký hộ gia đình")))));
    }

    private static String down() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
