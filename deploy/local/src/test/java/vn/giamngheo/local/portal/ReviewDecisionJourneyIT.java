package vn.giamngheo.local.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The annual review's legal steps for Phường Thống Nhất (04828), in real headless Chromium through the real provider
 * (issue 23 items 4–7): three households of the commune are surveyed through the API (a poor, a near-poor and one above
 * the lines); the ward officer can-bo-04828 holds the village meeting in the portal's table and downloads the minutes,
 * starts the posting and records a complaint; the chairman chu-tich-04828 sees that the decision cannot be signed
 * while it is open, and why; the officer upholds it with the corrected answers (the household becomes near-poor and
 * the list is posted again); the chairman signs through the confirmation page and downloads every document. The PDFs'
 * text (PDFBox) carries the national heading, the commune's name in force on the decision date (Thống Nhất), the
 * decision number, the classes and the heads' names with their diacritics; the lists open in POI. Every page is
 * checked with axe-core; screenshots start with "d".
 *
 * <p>Dates are of the review year Y (this year from 20 November, last year before), all in Y's September and October,
 * so that every step lies in the past and the decision is dated before 14 December of Y.
 */
@ExtendWith(PortalPlatform.Running.class)
class ReviewDecisionJourneyIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RUN = System.currentTimeMillis() % 1_000_000;
    private static final String SUFFIX = RegistryJourneysIT.letters(RUN);
    private static final int Y = MonthDay.from(LocalDate.now()).isBefore(MonthDay.of(11, 20))
            ? LocalDate.now().getYear() - 1 : LocalDate.now().getYear();

    private static final String POOR = "Lò Văn Đức " + SUFFIX;
    private static final String NEAR_POOR = "Nguyễn Thị Hường " + SUFFIX;
    private static final String COMPLAINED = "Trần Văn Ấn " + SUFFIX;

    private static PortalPlatform platform;
    private static ReviewDecisionSteps steps;
    private static String round;

    @BeforeAll
    static void aRoundOfThreeSurveyedHouseholds() throws Exception {
        platform = PortalPlatform.shared();
        steps = new ReviewDecisionSteps(platform.portal(), "d");
        round = api("POST", "/api/v1/review-rounds", "{\"unitCode\":\"04828\",\"kind\":\"ANNUAL\",\"referenceDate\":\""
                + LocalDate.of(Y, 9, 15) + "\"}").path("round").path("id").asString();
        survey(register(POOR, "1968-04-12"), "{\"monthlyIncomePerCapitaVnd\":1500000,\"deprivedIndicators\":"
                + "[\"HEALTH_INSURANCE\",\"SANITATION\",\"DRINKING_WATER\"]}");
        survey(register(NEAR_POOR, "1975-08-30"), "{\"monthlyIncomePerCapitaVnd\":2000000,\"deprivedIndicators\":[]}");
        survey(register(COMPLAINED, "1970-01-20"), "{\"monthlyIncomePerCapitaVnd\":6000000,\"deprivedIndicators\":[]}");
    }

    @Test
    void theOfficerAndTheChairmanTakeTheRoundFromTheMeetingToTheSignedDecisionAndItsDocuments() throws Exception {
        try (PortalBrowser officer = new PortalBrowser(platform.portal(), 1280, 900)) {
            officer.signIn("can-bo-04828", "demo");
            assertThat(steps.holdMeeting(officer, round, LocalDate.of(Y, 9, 20), 20,
                    Map.of(POOR, 15, NEAR_POOR, 14, COMPLAINED, 16)))
                    .contains("3 hộ được thống nhất, 0 hộ phải rà soát lại");
            assertThat(officer.text()).contains("15/20 người đồng ý");
            officer.atPhoneWidth("d02-hop-thon-360px");
            String minutes = pdfText(steps.downloadMinutes(officer, round));
            assertThat(minutes).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(upper(minutes)).contains("THỐNG NHẤT");
            assertThat(squeezed(minutes)).contains(squeezed(POOR), squeezed(NEAR_POOR), squeezed(COMPLAINED));

            assertThat(steps.startPosting(officer, round, LocalDate.of(Y, 9, 22))).contains("Đã bắt đầu niêm yết từ 22/09/"
                    + Y, "ngày làm việc");
            steps.recordComplaint(officer, round, COMPLAINED, "Người dân phản ánh: chủ hộ mất việc từ tháng 8, thu nhập"
                    + " thấp hơn mức đã khai.", LocalDate.of(Y, 9, 23));
        }

        try (PortalBrowser chairman = new PortalBrowser(platform.portal(), 1280, 900)) {
            chairman.signIn("chu-tich-04828", "demo");
            assertThat(steps.decisionBlockers(chairman, round))
                    .contains("Còn 1 khiếu nại đang xác minh; hãy giải quyết xong trước khi ký.");
        }

        try (PortalBrowser officer = new PortalBrowser(platform.portal(), 1280, 900)) {
            officer.signIn("can-bo-04828", "demo");
            assertThat(steps.upholdComplaint(officer, round, COMPLAINED, "Xác minh tại hộ: chủ hộ mất việc, thu nhập "
                    + "2.500.000 đồng/người/tháng.", LocalDate.of(Y, 9, 25), ReviewDecisionJourneyIT::aNearPoorSurvey))
                    .contains("là đúng", "niêm yết lại đến hết ngày");
            assertThat(officer.text()).contains("Khiếu nại đúng");
            officer.open("/ra-soat/" + round + "/quyet-dinh");
            officer.waitFor(By.id("chu-tich-ky"));
            assertThat(officer.driver.findElements(By.id("number"))).as("the officer does not sign").isEmpty();
            officer.check("d12-quyet-dinh-can-bo");
        }

        String number = RUN % 1000 + "/QĐ-UBND";
        LocalDate decided = LocalDate.of(Y, 10, 20);
        Map<String, byte[]> documents;
        try (PortalBrowser chairman = new PortalBrowser(platform.portal(), 1280, 900)) {
            chairman.signIn("chu-tich-04828", "demo");
            assertThat(steps.signDecision(chairman, round, number, decided)).contains("Đã ký Quyết định số " + number);
            documents = steps.downloadDocuments(chairman, round);
            chairman.atPhoneWidth("d13-quyet-dinh-360px");
        }

        assertThat(documents).containsKeys("decision.pdf", "certificates.pdf", "lists.xlsx", "minutes.pdf",
                "posting-list.pdf");
        assertThat(documents.keySet().stream().filter(n -> n.startsWith("certificates/"))).hasSize(3);
        String decision = pdfText(documents.get("decision.pdf"));
        assertThat(decision).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", number);
        assertThat(upper(decision)).contains("THỐNG NHẤT", "HỘ NGHÈO", "HỘ CẬN NGHÈO");
        assertThat(squeezed(decision)).contains(squeezed(POOR), squeezed(NEAR_POOR), squeezed(COMPLAINED));
        String certificates = pdfText(documents.get("certificates.pdf"));
        assertThat(certificates).contains(number);
        assertThat(upper(certificates)).contains("THỐNG NHẤT", "HỘ NGHÈO", "HỘ CẬN NGHÈO");
        assertThat(squeezed(certificates)).contains(squeezed(POOR), squeezed(NEAR_POOR), squeezed(COMPLAINED));
        assertThat(squeezed(pdfText(documents.get("posting-list.pdf")))).contains(squeezed(COMPLAINED));

        Map<String, List<String>> lists = sheets(documents.get("lists.xlsx"));
        assertThat(String.join(" ", lists.get("Hộ nghèo"))).contains(POOR);
        assertThat(String.join(" ", lists.get("Hộ cận nghèo"))).contains(NEAR_POOR, COMPLAINED);
    }

    /** The corrected answers of the household complained about: 2,500,000 a month, nothing lacking: near-poor. */
    private static void aNearPoorSurvey(PortalBrowser officer) {
        officer.driver.findElement(By.id("incomeMode-MONTHLY")).click();
        ReviewDecisionSteps.type(officer, "monthlyIncomePerCapitaVnd", "2.500.000");
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("members-0-employment", "WAGE_WITH_CONTRACT");
        choices.put("members-0-unableToWork", "false");
        choices.put("members-0-malnourished", "false");
        choices.put("members-0-hasHealthInsurance", "true");
        choices.put("members-0-education", "UPPER_SECONDARY");
        choices.put("members-0-attendingSchool", "false");
        choices.put("members-0-receivesSocialAllowance", "false");
        choices.put("hasDwelling", "true");
        choices.put("wallsDurable", "true");
        choices.put("frameDurable", "true");
        choices.put("roofDurable", "true");
        choices.put("waterSource", "PIPED");
        choices.put("latrine", "SEPTIC");
        choices.put("wasteHandling", "COLLECTED");
        choices.put("usesTelecom", "true");
        choices.put("usesInternet", "true");
        choices.put("sickMemberUntreated", "false");
        choices.forEach((id, value) -> officer.driver.findElements(By.id(id)).forEach(select ->
                new Select(select).selectByValue(value)));
        ReviewDecisionSteps.type(officer, "floorAreaM2", "40");
    }

    /** Registers a household of one (the head) in 04828, as the commune's officer; its id. */
    private static String register(String head, String born) throws Exception {
        return api("POST", "/api/v1/households", """
                {"unitCode":"04828","village":"Khu %s","members":[{"fullName":"%s","dateOfBirth":"%s","sex":"%s",
                 "relationToHead":"HEAD"}]}""".formatted(SUFFIX, head, born, head.contains(" Thị ") ? "FEMALE"
                : "MALE")).path("id").asString();
    }

    private static void survey(String householdId, String answers) throws Exception {
        api("POST", "/api/v1/review-rounds/" + round + "/surveys", "{\"householdId\":\"" + householdId + "\","
                + answers.substring(1));
    }

    /** household-service as the commune's officer (the provider's demo client ward-officer-04828). */
    private static JsonNode api(String method, String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + platform.port("HOUSEHOLD_PORT") + path))
                .header("Authorization", "Bearer " + officerToken()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    private static String officerToken() throws Exception {
        return platform.token("ward-officer-04828");
    }

    /** The PDF's text (PDFBox), composed (NFC) as Java strings are written. */
    static String pdfText(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC);
        }
    }

    /** In capitals (the issuing body is written so), for names whatever their case in the document. */
    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    /** Without any white space: a name a table cell wraps is still found whole, its diacritics still checked. */
    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** Each sheet's cells as text, by the sheet's name. */
    private static Map<String, List<String>> sheets(byte[] xlsx) throws Exception {
        Map<String, List<String>> sheets = new LinkedHashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                List<String> cells = new ArrayList<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(cell.toString());
                    }
                }
                sheets.put(sheet.getSheetName(), cells);
            }
        }
        return sheets;
    }

}
