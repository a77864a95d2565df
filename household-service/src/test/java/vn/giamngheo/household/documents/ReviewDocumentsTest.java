package vn.giamngheo.household.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.ClassPathResource;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.classification.PovertyStandard;
import vn.giamngheo.household.classification.Standards;
import vn.giamngheo.household.registry.Household;
import vn.giamngheo.household.registry.HouseholdStatus;
import vn.giamngheo.household.registry.Member;
import vn.giamngheo.household.registry.Relation;
import vn.giamngheo.household.registry.Sex;
import vn.giamngheo.household.review.ReviewKind;
import vn.giamngheo.household.review.ReviewRound;
import vn.giamngheo.household.review.RoundState;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;

/** The built-in templates made into PDF and read back with PDFBox; the checks a template edit must pass; the lists. */
class ReviewDocumentsTest {

    private static final PovertyStandard STANDARD = Standards.MPS_2022;

    private static DocumentModels.Papers sample() {
        return sample(DocumentKind.DECISION);
    }

    private static DocumentModels.Papers sample(DocumentKind kind) {
        return SampleRound.papers(STANDARD, kind);
    }

    private static String builtIn(DocumentKind kind) {
        return DocumentTemplates.resource(kind);
    }

    private static byte[] pdf(DocumentKind kind, DocumentModels.Papers papers) {
        return PdfRenderer.pdf(builtIn(kind), DocumentModels.model(kind, papers));
    }

    /** The text of every page; and every font of every page is embedded. */
    private static List<String> pages(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                PDPage page = document.getPage(p - 1);
                PDResources resources = page.getResources();
                int fonts = 0;
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as("font %s on page %d is embedded", font.getName(), p).isTrue();
                    assertThat(font.getName()).contains("DejaVuSerif");
                    fonts++;
                }
                assertThat(fonts).as("fonts on page %d", p).isPositive();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(document));
            }
        }
        return pages;
    }

    private static String text(byte[] pdf) throws IOException {
        return String.join("\n", pages(pdf)).replaceAll("\\s+", " ");
    }

    @Test
    void theDecisionCarriesTheHeadingTheNumberAndItsAnnexedListsWithNamesIntact() throws IOException {
        String text = text(pdf(DocumentKind.DECISION, sample()));

        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "ỦY BAN NHÂN DÂN PHƯỜNG VĨNH YÊN", "Vĩnh Yên, ngày 14 tháng 10 năm 2025", "Số: 125/QĐ-UBND",
                "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nơi nhận:", "có hiệu lực kể từ ngày 01/01/2026",
                "Công nhận danh sách 1 hộ nghèo, 1 hộ cận nghèo, 1 hộ thoát nghèo, 1 hộ thoát cận nghèo và 1 hộ có "
                        + "mức sống trung bình",
                "PHỤ LỤC I DANH SÁCH HỘ NGHÈO", "PHỤ LỤC III DANH SÁCH HỘ THOÁT NGHÈO",
                "PHỤ LỤC IV DANH SÁCH HỘ THOÁT CẬN NGHÈO", "PHỤ LỤC V DANH SÁCH HỘ CÓ MỨC SỐNG TRUNG BÌNH",
                "Nguyễn Thị Hoà", "Đặng Văn Bường", "Lò Thị Ánh", "1.500.000", "Tổng cộng: 1 hộ, 3 nhân khẩu");
        // The poor list has only the poor household; the escaped list both households that were poor.
        String poorAnnex = text.substring(text.indexOf("PHỤ LỤC I "), text.indexOf("PHỤ LỤC II "));
        assertThat(poorAnnex).contains("Nguyễn Thị Hoà").doesNotContain("Đặng Văn Bường", "Lò Thị Ánh");
        String escaped = text.substring(text.indexOf("PHỤ LỤC III "), text.indexOf("PHỤ LỤC IV "));
        assertThat(escaped).contains("Đặng Văn Bường").doesNotContain("Nguyễn Thị Hoà");
    }

    @Test
    void theMinutesListEveryVoteAndTheResult() throws IOException {
        String text = text(pdf(DocumentKind.MINUTES, sample(DocumentKind.MINUTES)));

        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BIÊN BẢN HỌP DÂN",
                "Vĩnh Yên, ngày 06 tháng 10 năm 2025", "Hôm nay, ngày 06/10/2025", "Tổng số người tham dự: 24",
                "Nguyễn Thị Hoà", "Đặng Văn Bường", "18/24", "75%", "Nhất trí", "3 hộ được từ 50%",
                "Hộ cận nghèo", "Hộ có mức sống trung bình");
    }

    @Test
    void thePostingListShowsItsDatesInWorkingDaysAndEachChange() throws IOException {
        String text = text(pdf(DocumentKind.POSTING_LIST, sample(DocumentKind.POSTING_LIST)));

        assertThat(text).contains("DANH SÁCH NIÊM YẾT CÔNG KHAI", "Vĩnh Yên, ngày 08 tháng 10 năm 2025", "từ ngày 08/10/2025 đến hết ngày 10/10/2025 (3 ngày "
                + "làm việc)", "Đặng Văn Bường", "Thoát nghèo, thành hộ cận nghèo", "Thoát cận nghèo",
                "Tổng cộng: 3 hộ");
    }

    @Test
    void aCertificateIsOnePagePerPoorOrNearPoorHouseholdWithItsMembers() throws IOException {
        List<String> pages = pages(pdf(DocumentKind.CERTIFICATE,
                ReviewDocuments.certified(sample(), line -> true)));

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).replaceAll("\\s+", " ")).contains("ỦY BAN NHÂN DÂN PHƯỜNG VĨNH YÊN",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO", "Đặng Văn Bường",
                "Hà Thị Ngọc Ánh", "30/11/2010", "Vợ/chồng", "Quyết định số 125/QĐ-UBND ngày 14/10/2025",
                "từ ngày 01/01/2026 đến ngày 31/12/2026").doesNotContain("Nguyễn Thị Hoà");
        assertThat(pages.get(1).replaceAll("\\s+", " ")).contains("GIẤY CHỨNG NHẬN HỘ NGHÈO", "Nguyễn Thị Hoà");
    }

    @Test
    void aNameIsPrintedAsTextNeverAsMarkup() throws IOException {
        DocumentModels.Papers sample = sample();
        DocumentModels.Line first = sample.lines().getFirst();
        Household h = first.household();
        Household odd = new Household(h.id(), h.unitCode(), h.village(), List.of(Member.joining("x",
                "<b>Hoà</b> & \"Bường\" <i>x</i>", LocalDate.of(1980, 1, 1), Sex.MALE, null,
                Relation.HEAD, LocalDate.of(2021, 1, 1))), Instant.EPOCH, 1, HouseholdStatus.ACTIVE,
                HouseholdClass.POOR, h.unitSince());
        DocumentModels.Papers papers = new DocumentModels.Papers(sample.round(), sample.unit(), sample.date(),
                STANDARD, List.of(new DocumentModels.Line(first.survey(), odd, first.before())));

        // The narrow column wraps the name: compared without spaces.
        assertThat(text(pdf(DocumentKind.DECISION, papers)).replace(" ", ""))
                .contains("<b>Hoà</b>&\"Bường\"<i>x</i>");
    }

    @Test
    void theUnitIsNamedAsItWasOnTheDocumentsDate() {
        UnitCatalog units = UnitCatalog.load(List.of(new ClassPathResource("units/vinh-yen.json"),
                new ClassPathResource("units/phu-tho-2025.json")));
        ReviewRound round = new ReviewRound("r", "08707", ReviewKind.MONTHLY, LocalDate.of(2025, 6, 16),
                STANDARD.code(), 3, RoundState.CLOSED, Instant.EPOCH, null, null, null, null, 1);

        var before = ReviewDocuments.unitOn(units, round, LocalDate.of(2025, 6, 30));
        var after = ReviewDocuments.unitOn(units, round, LocalDate.of(2025, 7, 1));

        assertThat(VietnameseText.issuer(before)).isEqualTo("ỦY BAN NHÂN DÂN PHƯỜNG TÍCH SƠN");
        assertThat(VietnameseText.place(before)).isEqualTo("Tích Sơn");
        assertThat(VietnameseText.issuer(after)).isEqualTo("ỦY BAN NHÂN DÂN PHƯỜNG VĨNH YÊN");
    }

    @Test
    void numbersAndDatesAreWrittenTheVietnameseWay() {
        assertThat(VietnameseText.vnd(1_234_567)).isEqualTo("1.234.567 đ");
        assertThat(VietnameseText.number(999)).isEqualTo("999");
        assertThat(VietnameseText.number(1_000)).isEqualTo("1.000");
        assertThat(VietnameseText.date(LocalDate.of(2025, 7, 1))).isEqualTo("01/07/2025");
        assertThat(VietnameseText.longDate(LocalDate.of(2025, 12, 14))).isEqualTo("ngày 14 tháng 12 năm 2025");
    }

    @Test
    void theListsWorkbookHasASheetPerListWithHeadingsAndATotal() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(DecisionWorkbook.write(sample())))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Hộ nghèo");
            assertThat(workbook.getSheetAt(2).getSheetName()).isEqualTo("Hộ thoát nghèo");
            Sheet escaped = workbook.getSheetAt(2);
            DataFormatter cells = new DataFormatter();
            assertThat(cells.formatCellValue(escaped.getRow(0).getCell(0))).isEqualTo("ỦY BAN NHÂN DÂN PHƯỜNG VĨNH YÊN");
            assertThat(cells.formatCellValue(escaped.getRow(2).getCell(0))).contains("125/QĐ-UBND");
            assertThat(cells.formatCellValue(escaped.getRow(DecisionWorkbook.HEADING_ROW).getCell(1)))
                    .isEqualTo("Họ và tên chủ hộ");
            int first = DecisionWorkbook.HEADING_ROW + 1;
            assertThat(cells.formatCellValue(escaped.getRow(first).getCell(1))).isEqualTo("Đặng Văn Bường");
            assertThat(escaped.getRow(first).getCell(4).getNumericCellValue()).isEqualTo(1_900_000);
            assertThat(cells.formatCellValue(escaped.getRow(first + 1).getCell(1))).isEqualTo("Tổng cộng: 1 hộ");
            assertThat(escaped.getRow(first + 1).getCell(3).getNumericCellValue()).isEqualTo(3);
            Sheet poor = workbook.getSheetAt(0);
            assertThat(cells.formatCellValue(poor.getRow(first).getCell(1))).isEqualTo("Nguyễn Thị Hoà");
            assertThat(cells.formatCellValue(poor.getRow(first).getCell(7))).isEqualTo("Hộ nghèo");
        }
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void everyBuiltInTemplatePassesItsOwnChecks(DocumentKind kind) {
        DocumentTemplates.check(kind, builtIn(kind), STANDARD);
    }

    private static FieldProblem refusal(String content) {
        try {
            DocumentTemplates.check(DocumentKind.DECISION, content, STANDARD);
        } catch (ApiException e) {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.problems()).hasSize(1);
            return e.problems().getFirst();
        }
        throw new AssertionError("the template was accepted");
    }

    private static final String VALID = """
            <html xmlns="http://www.w3.org/1999/xhtml"><body>
            <p>{{issuer}}</p><p>{{nationalTitle}}</p>
            <p>{{motto}}</p>
            %s
            </body></html>""";

    @Test
    void aSmallValidTemplateIsAccepted() {
        DocumentTemplates.check(DocumentKind.DECISION, VALID.formatted("<p>{{decisionNumber}}</p>"), STANDARD);
    }

    @Test
    void anUnclosedSectionIsRefusedNamingContentAndTheLine() {
        FieldProblem problem = refusal(VALID.formatted("{{#annexes}}<p>{{title}}</p>"));

        assertThat(problem.field()).isEqualTo("content");
        assertThat(problem.reason()).contains("not valid Mustache", "annexes");
    }

    @Test
    void anUnclosedMustacheTagIsRefusedWithItsLine() {
        FieldProblem problem = refusal(VALID.formatted("<p>{{decisionNumber</p>"));

        assertThat(problem.field()).isEqualTo("content");
        assertThat(problem.reason()).startsWith("line 4:").contains("not closed");
    }

    @Test
    void anUnclosedXhtmlTagIsRefusedWithItsLine() {
        FieldProblem problem = refusal(VALID.formatted("<p>{{decisionNumber}}"));

        assertThat(problem.field()).isEqualTo("content");
        assertThat(problem.reason()).startsWith("line 5:").contains("not well-formed XHTML");
    }

    @Test
    void aTemplateWithoutTheNationalHeadingIsRefused() {
        FieldProblem problem = refusal("""
                <html xmlns="http://www.w3.org/1999/xhtml"><body><p>{{issuer}}</p>
                <p>{{motto}}</p></body></html>""");

        assertThat(problem.field()).isEqualTo("content");
        assertThat(problem.reason()).contains("{{nationalTitle}}");
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithItsLine() {
        FieldProblem problem = refusal(VALID.formatted("<p>{{decisionNumbr}}</p>"));

        assertThat(problem.field()).isEqualTo("content");
        assertThat(problem.reason()).isEqualTo("line 4: unknown placeholder {{decisionNumbr}} (the placeholders are "
                + "listed with the template)");
    }

    @Test
    void anUnescapedValueIsRefused() {
        assertThat(refusal(VALID.formatted("<p>{{{decisionNumber}}}</p>")).reason()).contains("unescaped");
        assertThat(refusal(VALID.formatted("<p>{{& decisionNumber}}</p>")).reason()).contains("unescaped");
    }

    @Test
    void aDocumentTypeOrEntityIsRefused() {
        assertThatThrownBy(() -> DocumentTemplates.check(DocumentKind.DECISION,
                "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" + VALID.formatted("&x;"), STANDARD))
                .isInstanceOf(ApiException.class).hasMessageContaining("");
        assertThat(refusal("<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" + VALID.formatted("&x;"))
                .field()).isEqualTo("content");
    }
}
