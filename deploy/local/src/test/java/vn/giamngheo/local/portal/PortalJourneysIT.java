package vn.giamngheo.local.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The officers' portal as its people use it, in real headless Chromium, on the platform the real launcher starts
 * ({@link PortalPlatform}: once for all the portal's journeys): sign in on the provider's page as the ward
 * officer of 08707, find a household without typing diacritics, open it; nothing of ward 08716 by any page or URL; a
 * service that stops answering costs only its sections; signing out ends the provider's session too. Every page is
 * checked with axe-core (no serious or critical violation) and photographed under target/screenshots.
 *
 * <p>To run it against a platform already started by hand: {@code PORTAL_IT_ATTACH=1} with the same port variables
 * and {@code GIAMNGHEO_RUN_DIR} as that platform.
 */
@ExtendWith(PortalPlatform.Running.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJourneysIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PortalPlatform platform;
    private static String portal;
    /**
     * A household of ward 08707, poor or near-poor when the demo has one (so that it has benefits to show), and a
     * household of ward 08716.
     */
    private static String ours;
    private static String oursHead;
    private static String oursClass;
    private static boolean oursHasBenefits;
    private static String theirs;
    private static String theirsHead;

    @BeforeAll
    static void findTheHouseholds() throws Exception {
        platform = PortalPlatform.shared();
        portal = platform.portal();
        if (platform.startOutput() != null) {
            String output = platform.startOutput();
            // What a new user reads first: where to go and as whom.
            assertThat(output.substring(output.indexOf("Giảm Nghèo platform is running")).lines()
                    .filter(l -> l.contains("http://")).findFirst()).get().asString()
                    .contains("Mở " + portal + " — đăng nhập bằng can-bo-08707 / demo");
        }
        String token = platform.adminToken();
        JsonNode poor = firstHousehold(token, "08707", "&class=POOR", "&class=NEAR_POOR", "");
        ours = poor.get("id").asString();
        oursHead = poor.get("headName").asString();
        oursClass = poor.path("currentClass").asString();
        oursHasBenefits = List.of("POOR", "NEAR_POOR").contains(oursClass);
        JsonNode other = firstHousehold(token, "08716", "");
        theirs = other.get("id").asString();
        theirsHead = other.get("headName").asString();
    }

    @Test
    @Order(1)
    void theWardOfficerSignsInFindsAHouseholdWithoutDiacriticsAndOpensIt() {
        try (PortalBrowser hoa = new PortalBrowser(portal, 1280, 900)) {
            hoa.signIn("can-bo-08707", "demo");
            assertThat(hoa.heading()).isEqualTo("Xin chào, Nguyễn Thị Hoa");
            assertThat(hoa.text()).contains("Cán bộ cấp xã").contains("(08707)");
            hoa.check("01-trang-chu");

            hoa.driver.findElement(By.linkText("Tìm hộ gia đình")).click();
            hoa.waitFor(By.id("q"));
            hoa.check("02-tim-kiem");
            hoa.driver.findElement(By.id("q")).sendKeys("nguyen");
            hoa.driver.findElement(By.cssSelector(".search-form button[type=submit]")).click();
            hoa.waitFor(By.cssSelector("table tbody tr"));
            assertThat(hoa.driver.getCurrentUrl()).as("a search is a link").contains("q=nguyen");
            // A household is found by any of its members' names; the table shows its head.
            assertThat(hoa.driver.findElements(By.cssSelector("table tbody tr td:first-child")))
                    .extracting(WebElement::getText).anySatisfy(head -> assertThat(head).contains("Nguyễn"));
            for (WebElement unit : hoa.driver.findElements(By.cssSelector("table tbody tr td:nth-child(3)"))) {
                assertThat(unit.getText()).as("only the officer's own ward").doesNotContain("08716");
            }
            hoa.check("03-ket-qua-tim-kiem");
            hoa.atPhoneWidth("03b-ket-qua-tim-kiem-360px");

            // The class filter narrows, the back button keeps the search.
            new Select(hoa.driver.findElement(By.id("class"))).selectByValue("POOR");
            hoa.driver.findElement(By.cssSelector(".search-form button[type=submit]")).click();
            hoa.waitFor(By.cssSelector("h2"));
            assertThat(hoa.driver.getCurrentUrl()).contains("class=POOR");
            hoa.driver.navigate().back();
            hoa.waitFor(By.id("q"));
            assertThat(hoa.driver.findElement(By.id("q")).getDomProperty("value")).isEqualTo("nguyen");

            // The household's head typed without diacritics, as on a phone without a Vietnamese keyboard.
            WebElement box = hoa.driver.findElement(By.id("q"));
            box.clear();
            box.sendKeys(withoutDiacritics(oursHead));
            if (!oursClass.isEmpty()) {
                new Select(hoa.driver.findElement(By.id("class"))).selectByValue(oursClass);
            }
            hoa.driver.findElement(By.cssSelector(".search-form button[type=submit]")).click();
            By link = By.cssSelector("a[href$='/ho-gia-dinh/" + ours + "']");
            hoa.waitFor(link);
            assertThat(hoa.driver.findElement(link).getText()).isEqualTo(oursHead);
            hoa.driver.findElement(link).click();
            hoa.waitFor(By.id("thanh-vien"));
            assertThat(hoa.heading()).isEqualTo("Hộ gia đình: chủ hộ " + oursHead);
            assertThat(hoa.text()).contains("Thành viên").contains("Lịch sử phân loại")
                    .contains("Chính sách được hưởng và thẻ BHYT").contains(ours)
                    .doesNotContain("tạm thời không trả lời");
            if (oursHasBenefits) {
                assertThat(hoa.driver.findElements(By.cssSelector("#chinh-sach ~ div table tbody tr")))
                        .as("a poor or near-poor household's benefit decisions").isNotEmpty();
            }
            hoa.check("04-ho-gia-dinh");
            hoa.atPhoneWidth("04b-ho-gia-dinh-360px");
        }
    }

    @Test
    @Order(2)
    void theWardOfficerOf08707SeesNothingOf08716ByAnyPageOrUrl() {
        try (PortalBrowser hoa = new PortalBrowser(portal, 1280, 900)) {
            hoa.signIn("can-bo-08707", "demo");

            hoa.open("/ho-gia-dinh/" + theirs);
            assertThat(hoa.heading()).isEqualTo("Bạn không được xem trang này");
            assertThat(hoa.text()).contains("không thuộc đơn vị bạn phụ trách").doesNotContain(theirsHead);
            hoa.check("05-khong-duoc-xem");

            hoa.open("/ho-gia-dinh?unitCode=08716");
            assertThat(hoa.text()).contains("không thuộc đơn vị bạn phụ trách").doesNotContain(theirsHead);
            assertThat(hoa.driver.findElements(By.cssSelector("table tbody tr"))).isEmpty();
            hoa.check("06-tim-don-vi-khac");

            hoa.open("/ho-gia-dinh?q=" + URLEncoder.encode(theirsHead, StandardCharsets.UTF_8));
            assertThat(hoa.driver.getPageSource()).doesNotContain(theirs);
            hoa.open("/ho-gia-dinh?q=" + theirs);
            assertThat(hoa.driver.getPageSource()).as("searching 08716's household code").doesNotContain("/" + theirs);
        }
    }

    @Test
    @Order(3)
    void aServiceThatStopsAnsweringCostsOnlyItsOwnSections() throws Exception {
        try (PortalBrowser hoa = new PortalBrowser(portal, 1280, 900)) {
            hoa.signIn("can-bo-08707", "demo");
            // Frozen rather than killed: the supervisor would restart a dead one; a frozen one keeps its port and
            // answers nothing, which is the harder case for the page (it must give up after its read timeout).
            String policy = Files.readString(platform.runDir().resolve("pids/policy-service.pid")).strip();
            signal("STOP", policy);
            try {
                hoa.open("/ho-gia-dinh/" + ours);
                hoa.waitFor(By.id("thanh-vien"));
                assertThat(hoa.heading()).isEqualTo("Hộ gia đình: chủ hộ " + oursHead);
                assertThat(hoa.text()).contains("Dịch vụ chính sách tạm thời không trả lời").contains("Thành viên")
                        .contains("Lịch sử phân loại");
                hoa.check("07-dich-vu-khong-tra-loi");
            } finally {
                signal("CONT", policy);
            }
        }
    }

    /** The Sở NN&MT sees every commune, and who saw or changed a household: the ward officer's visits above. */
    @Test
    @Order(4)
    void theProvinceSeesWhoOpenedTheHousehold() {
        try (PortalBrowser duc = new PortalBrowser(portal, 1280, 900)) {
            duc.signIn("so-nnmt", "demo");
            assertThat(duc.text()).contains("Toàn tỉnh");
            duc.open("/ho-gia-dinh/" + theirs);
            assertThat(duc.heading()).isEqualTo("Hộ gia đình: chủ hộ " + theirsHead);
            duc.open("/ho-gia-dinh/" + ours);
            duc.waitFor(By.id("nhat-ky"));
            assertThat(duc.driver.findElements(By.cssSelector("#nhat-ky ~ div table tbody tr")))
                    .extracting(WebElement::getText)
                    .anySatisfy(row -> assertThat(row).contains("can-bo-08707").contains("Xem"));
            duc.check("08-ho-gia-dinh-so-nnmt");
        }
    }

    @Test
    @Order(5)
    void signingOutEndsTheProvidersSessionToo() {
        try (PortalBrowser hoa = new PortalBrowser(portal, 1280, 900)) {
            hoa.signIn("can-bo-08707", "demo");
            hoa.driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
            hoa.waitFor(By.id("mat-khau"));
            assertThat(hoa.driver.getCurrentUrl()).doesNotStartWith(portal);
            hoa.open("/ho-gia-dinh/" + ours);
            hoa.waitFor(By.id("mat-khau"));
            assertThat(hoa.text()).as("the next visit asks for the password again").contains("Mật khẩu")
                    .doesNotContain(oursHead);
        }
    }

    private static void signal(String signal, String pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    /**
     * The first active household with a named head that household-service finds in {@code unit} (recorded under it or
     * under a former unit it covers today).
     */
    private static JsonNode firstHousehold(String token, String unit, String... filters) throws Exception {
        for (String filter : filters) {
            JsonNode found = householdWith(token, unit, filter);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no household in " + unit + " with " + List.of(filters));
    }

    private static JsonNode householdWith(String token, String unit, String filter) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + platform.port("HOUSEHOLD_PORT") + "/api/v1/households/search?size=50&unitCode=" + unit + filter))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode household : JSON.readTree(response.body()).get("items")) {
            String head = household.path("headName").asString();
            if (!head.isEmpty()) {
                return household;
            }
        }
        return null;
    }

    /** "Nguyễn Văn Đức" → "Nguyen Van Duc". */
    private static String withoutDiacritics(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").replace('đ', 'd')
                .replace('Đ', 'D');
    }
}
