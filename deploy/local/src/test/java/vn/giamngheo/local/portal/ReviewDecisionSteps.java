package vn.giamngheo.local.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The review's legal steps in the portal, as the officer and the chairman take them in the browser (issue 23 items 4–6):
 * the village meeting's table, the minutes, the posting, a complaint recorded and upheld with corrected answers, the
 * decision signed through its confirmation page, and every document downloaded. Each step takes the person's
 * signed-in {@link PortalBrowser}, checks each page it passes (axe-core, CSP, a screenshot named after the step) and
 * waits for the page that confirms it. Composed by {@link ReviewDecisionJourneyIT} and by the whole-review journey.
 */
final class ReviewDecisionSteps {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String portal;
    /** Screenshots of these steps start with this prefix ("d" by default), so that two runs' names do not mix. */
    private final String prefix;

    ReviewDecisionSteps(String portal, String prefix) {
        this.portal = portal;
        this.prefix = prefix;
    }

    /**
     * The village meeting: its date and participants, and for each household (by its head's name) the number who
     * agreed, typed in the household's row of the table; returns the confirmation banner's text.
     */
    public String holdMeeting(PortalBrowser person, String roundId, LocalDate date, int participants,
            Map<String, Integer> agreeingByHead) {
        person.open("/ra-soat/" + roundId + "/hop-thon");
        person.waitFor(By.id("participants"));
        person.check(prefix + "01-hop-thon");
        type(person, "date", TYPED.format(date));
        type(person, "participants", Integer.toString(participants));
        List<WebElement> rows = person.driver.findElements(By.cssSelector("table.vote-table tbody tr"));
        assertThat(rows).as("a row per surveyed household").hasSize(agreeingByHead.size());
        for (WebElement row : rows) {
            String head = row.findElement(By.cssSelector("td")).getText();
            assertThat(agreeingByHead).as("a household of the table").containsKey(head);
            row.findElement(By.cssSelector("input")).sendKeys(Integer.toString(agreeingByHead.get(head)));
        }
        submit(person);
        person.waitFor(By.id("da-luu"));
        person.check(prefix + "02-hop-thon-ket-qua");
        return person.driver.findElement(By.id("da-luu")).getText();
    }

    /** The minutes (biên bản họp dân) from the link on the meeting page. */
    public byte[] downloadMinutes(PortalBrowser person, String roundId) throws Exception {
        person.open("/ra-soat/" + roundId + "/hop-thon");
        person.waitFor(By.tagName("h1"));
        return download(person, person.driver.findElement(By.cssSelector("a[href$='/tai-lieu/minutes.pdf']"))
                .getDomAttribute("href"), "application/pdf");
    }

    /** Starts the posting on {@code start}; returns the page's line saying when it ends (in working days). */
    public String startPosting(PortalBrowser person, String roundId, LocalDate start) {
        person.open("/ra-soat/" + roundId + "/niem-yet");
        person.waitFor(By.id("startDate"));
        person.check(prefix + "03-niem-yet");
        type(person, "startDate", TYPED.format(start));
        submit(person);
        person.waitFor(By.id("da-luu"));
        person.check(prefix + "04-dang-niem-yet");
        return person.driver.findElement(By.id("da-luu")).getText();
    }

    /** Records a complaint against the household whose head is {@code head}. */
    public void recordComplaint(PortalBrowser person, String roundId, String head, String text, LocalDate filedOn) {
        person.open("/ra-soat/" + roundId + "/niem-yet");
        person.waitFor(By.id("householdId"));
        WebElement choose = person.driver.findElement(By.id("householdId"));
        choose.findElements(By.tagName("option")).stream().filter(o -> o.getText().startsWith(head + " —"))
                .findFirst().orElseThrow(() -> new AssertionError("no household " + head + " to complain about"))
                .click();
        type(person, "text", text);
        type(person, "filedOn", TYPED.format(filedOn));
        person.driver.findElement(By.cssSelector("form[action$='/khieu-nai'] button.button")).click();
        person.waitFor(By.id("da-luu"));
        assertThat(person.driver.findElement(By.id("khieu-nai")).isDisplayed()).isTrue();
        assertThat(person.text()).contains("Đang xác minh");
        person.check(prefix + "05-khieu-nai");
    }

    /**
     * Upholds the open complaint about {@code head}: the conclusion, the day, and the corrected survey answers that
     * {@code correctedAnswers} types into the survey fields; returns the banner (the posting runs again until …).
     */
    public String upholdComplaint(PortalBrowser person, String roundId, String head, String resolution,
            LocalDate resolvedOn, Consumer<PortalBrowser> correctedAnswers) {
        person.open("/ra-soat/" + roundId + "/niem-yet");
        person.waitFor(By.id("khieu-nai"));
        person.driver.findElement(By.cssSelector("a[aria-label='Giải quyết khiếu nại về hộ " + head + "']")).click();
        person.waitFor(By.id("outcome"));
        person.check(prefix + "06-giai-quyet-khieu-nai");
        person.driver.findElement(By.id("outcome")).click();
        type(person, "resolution", resolution);
        type(person, "resolvedOn", TYPED.format(resolvedOn));
        correctedAnswers.accept(person);
        submit(person);
        person.waitFor(By.id("da-luu"));
        person.check(prefix + "07-khieu-nai-dung");
        return person.driver.findElement(By.id("da-luu")).getText();
    }

    /** The decision page as the chairman sees it while it cannot be signed: the reasons, and no form to sign. */
    public String decisionBlockers(PortalBrowser person, String roundId) {
        person.open("/ra-soat/" + roundId + "/quyet-dinh");
        person.waitFor(By.id("chua-ky-duoc"));
        assertThat(person.driver.findElements(By.id("number"))).as("no form to sign while blocked").isEmpty();
        person.check(prefix + "08-chua-ky-duoc");
        return person.driver.findElement(By.id("chua-ky-duoc")).getText();
    }

    /**
     * The chairman signs: number and date, then the confirmation page "Xác nhận ký quyết định" (checked to show
     * them), confirmed; returns the banner.
     */
    public String signDecision(PortalBrowser chairman, String roundId, String number, LocalDate date) {
        chairman.open("/ra-soat/" + roundId + "/quyet-dinh");
        chairman.waitFor(By.id("number"));
        chairman.check(prefix + "09-quyet-dinh");
        type(chairman, "number", number);
        type(chairman, "date", TYPED.format(date));
        submit(chairman);
        chairman.waitFor(By.cssSelector("button[value=send]"));
        assertThat(chairman.heading()).isEqualTo("Xác nhận ký quyết định");
        assertThat(chairman.text()).contains(number, TYPED.format(date));
        chairman.check(prefix + "10-xac-nhan-ky");
        chairman.driver.findElement(By.cssSelector("button[value=send]")).click();
        chairman.waitFor(By.id("da-luu"));
        chairman.check(prefix + "11-da-ky");
        return chairman.driver.findElement(By.id("da-luu")).getText();
    }

    /**
     * Every document the decided round's page offers (decision, certificates, lists, minutes, posting list, and each
     * household's certificate), downloaded in the person's session: file name → bytes.
     */
    public Map<String, byte[]> downloadDocuments(PortalBrowser person, String roundId) throws Exception {
        person.open("/ra-soat/" + roundId + "/quyet-dinh");
        person.waitFor(By.id("tai-lieu"));
        Map<String, byte[]> documents = new LinkedHashMap<>();
        for (WebElement link : person.driver.findElements(By.cssSelector("main a[href*='/tai-lieu/']"))) {
            String href = link.getDomAttribute("href");
            String name = href.substring(href.indexOf("/tai-lieu/") + "/tai-lieu/".length());
            documents.put(name, download(person, href, name.endsWith(".xlsx")
                    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/pdf"));
        }
        return documents;
    }

    /** A link of the page fetched in the person's session: its bytes, after checking its type and file name. */
    private byte[] download(PortalBrowser person, String href, String type) throws Exception {
        Cookie session = person.driver.manage().getCookieNamed("PORTAL_SESSION");
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(portal + href))
                .header("Cookie", "PORTAL_SESSION=" + session.getValue()).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("%s", href).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().as(href).startsWith(type);
        assertThat(response.headers().firstValue("Content-Disposition")).get().asString().as(href)
                .startsWith("attachment").contains("filename=");
        return response.body();
    }

    static void type(PortalBrowser person, String id, String text) {
        WebElement field = person.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** The form's main button, and the next page. */
    private static void submit(PortalBrowser person) {
        person.driver.findElement(By.cssSelector("main form .actions button.button")).click();
        person.waitFor(By.tagName("h1"));
    }
}
