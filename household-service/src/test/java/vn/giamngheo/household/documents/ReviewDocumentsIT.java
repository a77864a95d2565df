package vn.giamngheo.household.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.household.registry.FixedClock;
import vn.giamngheo.household.registry.Households;
import vn.giamngheo.household.registry.Sex;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;

/**
 * Two review rounds of ward 08707 through the API — a monthly one in June 2025, when 08707 was Phường Tích Sơn, and
 * the annual one of 2025, when it is Phường Vĩnh Yên — and every document of each: refused until its step, then
 * downloaded and read back; a template edited with a later effective day only changes documents dated from then.
 */
@ServiceIntegrationTest
@Import(FixedClock.class)
class ReviewDocumentsIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A household of three registered on 1 June 2025, {@code head} its head. */
    private String household(String head, Sex sex, String village) {
        String json = """
                {"unitCode": "08707", "village": "%s", "registeredOn": "2025-06-01", "members": [
                  {"fullName": "%s", "dateOfBirth": "1969-04-10", "sex": "%s", "citizenId": "%s",
                   "relationToHead": "HEAD"},
                  {"fullName": "Hà Văn Đức", "dateOfBirth": "1967-02-03", "sex": "MALE", "citizenId": "%s",
                   "relationToHead": "SPOUSE"},
                  {"fullName": "Hà Thị Ngọc Ánh", "dateOfBirth": "2011-11-30", "sex": "FEMALE",
                   "relationToHead": "CHILD"}]}""".formatted(village, head, sex,
                Households.newCitizenId(sex, LocalDate.parse("1969-04-10")),
                Households.newCitizenId(Sex.MALE, LocalDate.parse("1967-02-03")));
        return Http.post(url("/api/v1/households"), json).expectStatus(201).json().get("id").asString();
    }

    private String round(String kind, String referenceDate) {
        return Http.post(url("/api/v1/review-rounds"), "{\"unitCode\":\"08707\",\"kind\":\"" + kind
                + "\",\"referenceDate\":\"" + referenceDate + "\"}").expectStatus(201).json().get("round").get("id")
                .asString();
    }

    private String survey(String round, String household, long income, String deprived) {
        return Http.post(url("/api/v1/review-rounds/" + round + "/surveys"), "{\"householdId\":\"" + household
                + "\",\"monthlyIncomePerCapitaVnd\":" + income + ",\"deprivedIndicators\":[" + deprived + "]}")
                .expectStatus(200).json().get("classification").asString();
    }

    private void meeting(String round, String date, String... households) {
        StringBuilder votes = new StringBuilder();
        for (String h : households) {
            votes.append(votes.isEmpty() ? "" : ",").append("{\"householdId\":\"").append(h)
                    .append("\",\"agreeing\":18}");
        }
        Http.post(url("/api/v1/review-rounds/" + round + "/village-meeting"), "{\"date\":\"" + date
                + "\",\"participants\":24,\"votes\":[" + votes + "]}").expectStatus(200);
    }

    private void post(String round, String start) {
        Http.post(url("/api/v1/review-rounds/" + round + "/posting"), "{\"startDate\":\"" + start + "\"}")
                .expectStatus(200);
    }

    private void decide(String round, String number, String date) {
        Http.post(url("/api/v1/review-rounds/" + round + "/decision"), "{\"number\":\"" + number + "\",\"date\":\""
                + date + "\",\"signerRole\":\"COMMUNE_CHAIRMAN\"}").expectStatus(200);
    }

    private record Download(int status, String contentType, String disposition, byte[] body) {
    }

    private Download download(String round, String document) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url(
                    "/api/v1/review-rounds/" + round + "/documents/" + document)))
                    .header("Authorization", "Bearer " + TestTokens.cityAdmin()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 409 naming {@code state}: the step the document comes from has not happened. */
    private void notYet(String round, String document) {
        Http.Response response = Http.get(url("/api/v1/review-rounds/" + round + "/documents/" + document));
        assertThat(response.status()).as(document + ": " + response.body()).isEqualTo(409);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("state");
    }

    /** The PDF's text, spaces and line breaks made single spaces. */
    private String pdf(String round, String document, String filename) throws IOException {
        Download d = download(round, document);
        assertThat(d.status()).as(document).isEqualTo(200);
        assertThat(d.contentType()).isEqualTo("application/pdf");
        assertThat(d.disposition()).isEqualTo("attachment; filename=\"" + filename + "\"");
        try (PDDocument document2 = Loader.loadPDF(d.body())) {
            return new PDFTextStripper().getText(document2).replaceAll("\\s+", " ");
        }
    }

    private int pages(String round, String document) throws IOException {
        try (PDDocument d = Loader.loadPDF(download(round, document).body())) {
            return d.getNumberOfPages();
        }
    }

    @Test
    void aWardsRoundsGiveEveryDocumentOnceItsStepIsDone() throws IOException {
        String hoa = household("Nguyễn Thị Hoà", Sex.FEMALE, "Tổ dân phố Đồng Tâm 3");
        String buong = household("Đặng Văn Bường", Sex.MALE, "Tổ dân phố Đồng Tâm 3");
        String tam = household("Lò Văn Tâm", Sex.MALE, "Tổ dân phố Hội Hợp 1");
        String poor = "\"HEALTH_INSURANCE\",\"SANITATION\",\"DRINKING_WATER\"";

        // June 2025: the first lists, decided while 08707 was Phường Tích Sơn.
        String june = round("MONTHLY", "2025-06-16");
        survey(june, hoa, 1_800_000, poor);
        survey(june, buong, 1_800_000, poor);
        assertThat(survey(june, tam, 1_900_000, "\"TELECOM\"")).isEqualTo("NEAR_POOR");
        meeting(june, "2025-06-17", hoa, buong, tam);
        post(june, "2025-06-18");
        decide(june, "45/QĐ-UBND", "2025-06-23");

        // The 2025 annual review: Bường escapes poverty, Tâm near-poverty.
        String annual = round("ANNUAL", "2025-09-15");
        for (String document : new String[] {"minutes.pdf", "posting-list.pdf", "decision.pdf", "certificates.pdf",
                "certificates/" + hoa + ".pdf", "lists.xlsx"}) {
            notYet(annual, document);
        }
        assertThat(survey(annual, hoa, 1_800_000, poor)).isEqualTo("POOR");
        assertThat(survey(annual, buong, 1_900_000, "\"TELECOM\"")).isEqualTo("NEAR_POOR");
        assertThat(survey(annual, tam, 2_500_000, "")).isEqualTo("MIDDLE");
        notYet(annual, "minutes.pdf");
        meeting(annual, "2025-10-06", hoa, buong, tam);

        String minutes = pdf(annual, "minutes.pdf", "bien-ban-hop-dan-" + annual + ".pdf");
        assertThat(minutes).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "ỦY BAN NHÂN DÂN PHƯỜNG VĨNH YÊN", "Vĩnh Yên, ngày 06 tháng 10 năm 2025", "BIÊN BẢN HỌP DÂN",
                "Nguyễn Thị Hoà", "Đặng Văn Bường", "18/24", "75%");
        notYet(annual, "posting-list.pdf");
        post(annual, "2025-10-07");

        String posting = pdf(annual, "posting-list.pdf", "danh-sach-niem-yet-" + annual + ".pdf");
        assertThat(posting).contains("DANH SÁCH NIÊM YẾT CÔNG KHAI", "từ ngày 07/10/2025 đến hết ngày 09/10/2025 (3 "
                + "ngày làm việc)", "Thoát nghèo, thành hộ cận nghèo", "Lò Văn Tâm", "2.500.000");
        notYet(annual, "decision.pdf");
        notYet(annual, "lists.xlsx");

        // An administrator's decision template from 13 October 2025: the annual decision uses it, June's does not.
        String edited = DocumentTemplates.resource(DocumentKind.DECISION).replace("<h1>QUYẾT ĐỊNH</h1>",
                "<h1>QUYẾT ĐỊNH (MẪU SỬA ĐỔI)</h1>");
        JsonNode stored = Http.put(url("/api/v1/document-templates/decision"), tools.jackson.databind.json.JsonMapper
                .shared().createObjectNode().put("content", edited).put("effectiveFrom", "2025-10-13").toString())
                .expectStatus(200).json();
        assertThat(stored.get("version").asInt()).isPositive();
        assertThat(Http.get(url("/api/v1/document-templates/decision")).expectStatus(200).json().get("content")
                .asString()).contains("MẪU SỬA ĐỔI");
        decide(annual, "125/QĐ-UBND", "2025-10-13");

        String decision = pdf(annual, "decision.pdf", "quyet-dinh-" + annual + ".pdf");
        assertThat(decision).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN DÂN PHƯỜNG VĨNH YÊN",
                "Vĩnh Yên, ngày 13 tháng 10 năm 2025", "Số: 125/QĐ-UBND", "QUYẾT ĐỊNH (MẪU SỬA ĐỔI)",
                "Công nhận danh sách 1 hộ nghèo, 1 hộ cận nghèo, 1 hộ thoát nghèo, 1 hộ thoát cận nghèo và 1 hộ có "
                        + "mức sống trung bình",
                "có hiệu lực kể từ ngày 01/01/2026", "DANH SÁCH HỘ THOÁT NGHÈO", "Nguyễn Thị Hoà", "Đặng Văn Bường",
                "Lò Văn Tâm");
        String escaped = decision.substring(decision.indexOf("PHỤ LỤC III"), decision.indexOf("PHỤ LỤC IV"));
        assertThat(escaped).contains("Đặng Văn Bường").doesNotContain("Nguyễn Thị Hoà", "Lò Văn Tâm");
        String escapedNear = decision.substring(decision.indexOf("PHỤ LỤC IV"), decision.indexOf("PHỤ LỤC V "));
        assertThat(escapedNear).contains("Lò Văn Tâm").doesNotContain("Đặng Văn Bường");

        String june2025 = pdf(june, "decision.pdf", "quyet-dinh-" + june + ".pdf");
        assertThat(june2025).contains("ỦY BAN NHÂN DÂN PHƯỜNG TÍCH SƠN", "Tích Sơn, ngày 23 tháng 06 năm 2025",
                "Số: 45/QĐ-UBND").doesNotContain("MẪU SỬA ĐỔI", "VĨNH YÊN");

        assertThat(pages(annual, "certificates.pdf")).isEqualTo(2);
        String certificate = pdf(annual, "certificates/" + hoa + ".pdf", "giay-chung-nhan-" + hoa + ".pdf");
        assertThat(certificate).contains("GIẤY CHỨNG NHẬN HỘ NGHÈO", "Nguyễn Thị Hoà", "Hà Thị Ngọc Ánh",
                "Quyết định số 125/QĐ-UBND ngày 13/10/2025", "ỦY BAN NHÂN DÂN PHƯỜNG VĨNH YÊN")
                .doesNotContain("Đặng Văn Bường");
        assertThat(pdf(annual, "certificates/" + buong + ".pdf", "giay-chung-nhan-" + buong + ".pdf"))
                .contains("GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO", "Đặng Văn Bường");
        assertThat(download(annual, "certificates/" + tam + ".pdf").status()).isEqualTo(404);
        assertThat(download("08707-2025-annual-missing", "decision.pdf").status()).isEqualTo(404);

        Download lists = download(annual, "lists.xlsx");
        assertThat(lists.status()).isEqualTo(200);
        assertThat(lists.contentType()).isEqualTo(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(lists.disposition()).isEqualTo("attachment; filename=\"danh-sach-" + annual + ".xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(lists.body()))) {
            DataFormatter cells = new DataFormatter();
            Sheet sheet = workbook.getSheet("Hộ thoát nghèo");
            int first = DecisionWorkbook.HEADING_ROW + 1;
            assertThat(cells.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("ỦY BAN NHÂN DÂN PHƯỜNG VĨNH YÊN");
            assertThat(cells.formatCellValue(sheet.getRow(first).getCell(1))).isEqualTo("Đặng Văn Bường");
            assertThat(cells.formatCellValue(sheet.getRow(first).getCell(7))).isEqualTo("Hộ nghèo");
            assertThat(cells.formatCellValue(sheet.getRow(first + 1).getCell(1))).isEqualTo("Tổng cộng: 1 hộ");
            assertThat(cells.formatCellValue(workbook.getSheet("Hộ nghèo").getRow(first).getCell(1)))
                    .isEqualTo("Nguyễn Thị Hoà");
        }
    }

    @Test
    void onlyTheAdministratorStoresATemplateAndABadOneIsRefusedNamingContent() {
        JsonNode list = Http.get(url("/api/v1/document-templates")).expectStatus(200).json();
        assertThat(list.valueStream().filter(t -> t.get("builtIn").asBoolean()).map(t -> t.get("kind").asString()))
                .containsExactly("minutes", "posting-list", "decision", "certificate");
        JsonNode minutes = Http.as(TestTokens.role("WARD_OFFICER", "08707"),
                () -> Http.get(url("/api/v1/document-templates/minutes"))).expectStatus(200).json();
        assertThat(minutes.get("content").asString()).contains("{{nationalTitle}}");
        assertThat(minutes.get("placeholders").valueStream().map(p -> p.get("name").asString()))
                .contains("nationalTitle", "motto", "issuer", "households", "meetingDate");

        String body = tools.jackson.databind.json.JsonMapper.shared().createObjectNode()
                .put("content", minutes.get("content").asString()).put("effectiveFrom", "2030-01-01").toString();
        assertThat(Http.status(TestTokens.role("WARD_OFFICER", "08707"), "PUT",
                url("/api/v1/document-templates/minutes"), body)).isEqualTo(403);
        assertThat(Http.status(TestTokens.role("COMMUNE_CHAIRMAN", "08707"), "PUT",
                url("/api/v1/document-templates/minutes"), body)).isEqualTo(403);

        String broken = minutes.get("content").asString().replace("{{/households}}", "");
        Http.Response refused = Http.put(url("/api/v1/document-templates/minutes"), tools.jackson.databind.json
                .JsonMapper.shared().createObjectNode().put("content", broken).put("effectiveFrom", "2030-01-01")
                .toString());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("content");
        assertThat(refused.json().get("errors").get(0).get("reason").asString()).contains("households");
        Http.Response undated = Http.put(url("/api/v1/document-templates/minutes"), tools.jackson.databind.json
                .JsonMapper.shared().createObjectNode().put("content", minutes.get("content").asString()).toString());
        assertThat(undated.status()).as(undated.body()).isEqualTo(400);
        assertThat(undated.json().get("errors").get(0).get("field").asString()).isEqualTo("effectiveFrom");
        assertThat(Http.get(url("/api/v1/document-templates/minutes")).json().get("version").asInt()).isZero();
        assertThat(Http.get(url("/api/v1/document-templates/minutes?version=0")).json().get("builtIn").asBoolean())
                .isTrue();
        assertThat(Http.get(url("/api/v1/document-templates/minutes?version=7")).status()).isEqualTo(404);
        assertThat(Http.get(url("/api/v1/document-templates/receipt")).status()).isEqualTo(404);
    }
}
