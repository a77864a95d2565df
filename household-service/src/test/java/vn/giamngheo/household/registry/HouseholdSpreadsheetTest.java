package vn.giamngheo.household.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.giamngheo.household.registry.HouseholdSpreadsheet.Problem;
import vn.giamngheo.household.registry.HouseholdSpreadsheet.Upload;
import vn.giamngheo.household.spreadsheet.Workbooks;

/** Reading the registry's import spreadsheet: what an officer types, and what each mistake is reported as. */
class HouseholdSpreadsheetTest {

    private static Upload read(byte[] file) {
        return HouseholdSpreadsheet.read(new ByteArrayInputStream(file), 1000);
    }

    @Test
    void theTemplateHasVietnameseHeadingsHiddenCodesListsAndAGuideWithAnExample() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(HouseholdSpreadsheet.template(500)))) {
            Sheet sheet = workbook.getSheet("Danh sách hộ");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Số thứ tự hộ");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Mã đơn vị");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Thôn/tổ dân phố");
            assertThat(sheet.getRow(1).getZeroHeight()).isTrue();
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("CITIZEN_ID");
            assertThat(sheet.getColumnStyle(8).getDataFormatString()).isEqualTo("@");
            assertThat(sheet.getDataValidations()).hasSize(4);
            assertThat(sheet.getDataValidations()).anySatisfy(v -> assertThat(
                    v.getValidationConstraint().getExplicitListValues()).containsExactly("Nam", "Nữ"));
            Sheet guide = workbook.getSheet("Hướng dẫn");
            StringBuilder text = new StringBuilder();
            guide.forEach(row -> row.forEach(cell -> text.append(cell.getStringCellValue()).append('|')));
            assertThat(text).contains("Số CCCD (12 chữ số)", "ô dạng Văn bản", "Vợ/chồng", "Ví dụ",
                    "026068001234", "không hộ nào được ghi vào sổ");
        }
    }

    @Test
    void aGoodFileIsReadIntoItsHouseholdsWithTheirOwnCellsFromTheFirstRow() {
        byte[] file = ImportFiles.file()
                .row("HOUSEHOLD_NO", 1, "UNIT_CODE", 8707, "VILLAGE", "Tổ dân phố Đồng Tâm 3",
                        "REGISTERED_ON", "01/07/2025", "RELATION", "Chủ hộ", "FULL_NAME", "Nguyễn Văn An",
                        "DATE_OF_BIRTH", LocalDate.parse("1968-03-14"), "SEX", "Nam", "CITIZEN_ID", "026068001234",
                        "ETHNICITY", "Kinh", "NOTICE_VERSION", "TB-2026-01", "NOTICE_GIVEN_ON", "20/11/2026",
                        "NOTICE_METHOD", "Giấy", "NOTICE_CONSENT", "Có")
                .row("HOUSEHOLD_NO", "1", "UNIT_CODE", "08707", "RELATION", "Vợ/chồng", "FULL_NAME", "Trần Thị Bình",
                        "DATE_OF_BIRTH", "2/9/1971", "SEX", "nữ", "CITIZEN_ID", "026171005678")
                .row("HOUSEHOLD_NO", 2, "UNIT_CODE", "08716", "VILLAGE", "Thôn Đông", "RELATION", "HEAD",
                        "FULL_NAME", "Lê Thị Dung", "DATE_OF_BIRTH", "05/05/1950", "SEX", "Nữ")
                .build();

        Upload upload = read(file);

        assertThat(upload.problems()).isEmpty();
        assertThat(upload.households()).extracting(h -> h.number(), h -> h.rows().size()).containsExactly(
                tuple(1L, 2), tuple(2L, 1));
        HouseholdSpreadsheet.MemberRow head = upload.households().getFirst().first();
        assertThat(head.row()).isEqualTo(3);
        assertThat(head.unitCode()).isEqualTo("08707");
        assertThat(head.registeredOn()).isEqualTo(LocalDate.parse("2025-07-01"));
        assertThat(head.citizenId()).isEqualTo("026068001234");
        assertThat(head.sensitive().ethnicity()).isEqualTo("Kinh");
        assertThat(head.notice()).isEqualTo(new HouseholdSpreadsheet.NoticeCells("TB-2026-01",
                LocalDate.parse("2026-11-20"), PrivacyNotices.Method.PAPER, true));
        HouseholdSpreadsheet.MemberRow wife = upload.households().getFirst().rows().get(1);
        assertThat(wife.dateOfBirth()).isEqualTo(LocalDate.parse("1971-09-02"));
        assertThat(wife.sex()).isEqualTo(Sex.FEMALE);
        assertThat(wife.relation()).isEqualTo(Relation.SPOUSE);
        assertThat(upload.households().get(1).first().relation()).isEqualTo(Relation.HEAD);
    }

    @Test
    void eachCellThatCannotBeTakenIsNamedByItsRowItsHeadingAndTheApiField() {
        byte[] file = ImportFiles.file()
                .row("HOUSEHOLD_NO", 1, "UNIT_CODE", "87O7", "VILLAGE", "Thôn Đông", "RELATION", "Chủ hộ",
                        "FULL_NAME", "Nguyễn Văn An", "DATE_OF_BIRTH", "31/02/1968", "SEX", "Nam",
                        "CITIZEN_ID", "02606800123")
                .row("HOUSEHOLD_NO", 1, "VILLAGE", "Thôn Tây", "RELATION", "Vợ", "DATE_OF_BIRTH", "1971",
                        "SEX", "Gái", "CITIZEN_ID", "026068001234")
                .row("HOUSEHOLD_NO", "một", "RELATION", "Con", "FULL_NAME", "Nguyễn Thị Chi", "SEX", "Nữ",
                        "DATE_OF_BIRTH", "20/06/2012")
                .row("HOUSEHOLD_NO", 2, "UNIT_CODE", "08707", "VILLAGE", "Thôn Đông", "RELATION", "Con",
                        "FULL_NAME", "Lê Văn Em", "DATE_OF_BIRTH", "01/01/1990", "SEX", "Nam",
                        "CITIZEN_ID", "026068001234", "NOTICE_VERSION", "TB-1")
                .build();

        List<Problem> problems = read(file).problems();

        assertThat(problems).extracting(Problem::row, Problem::column, Problem::field).contains(
                tuple(3, "Mã đơn vị", "unitCode"),
                tuple(3, "Ngày sinh (dd/MM/yyyy)", "members[0].dateOfBirth"),
                tuple(3, "Số CCCD (12 chữ số)", "members[0].citizenId"),
                tuple(4, "Thôn/tổ dân phố", "village"),
                tuple(4, "Quan hệ với chủ hộ", "members[1].relationToHead"),
                tuple(4, "Họ và tên", "members[1].fullName"),
                tuple(4, "Ngày sinh (dd/MM/yyyy)", "members[1].dateOfBirth"),
                tuple(4, "Giới tính", "members[1].sex"),
                tuple(5, "Số thứ tự hộ", "householdNumber"),
                tuple(6, "Quan hệ với chủ hộ", "members[0].relationToHead"),
                tuple(6, "Số CCCD (12 chữ số)", "members[0].citizenId"),
                tuple(6, "Ngày thông báo (dd/MM/yyyy)", "privacyNotice.givenOn"));
        assertThat(problems).isSortedAccordingTo(HouseholdSpreadsheet.BY_ROW);
        assertThat(reason(problems, 3, "Mã đơn vị")).contains("«87O7»", "5 chữ số");
        assertThat(reason(problems, 3, "Ngày sinh (dd/MM/yyyy)")).contains("«31/02/1968»", "dd/MM/yyyy");
        assertThat(reason(problems, 4, "Ngày sinh (dd/MM/yyyy)")).contains("«1971»");
        assertThat(reason(problems, 4, "Thôn/tổ dân phố")).contains("Khác với dòng 3");
        assertThat(reason(problems, 4, "Giới tính")).contains("«Gái»", "Nam, Nữ");
        assertThat(reason(problems, 4, "Họ và tên")).isEqualTo("Ô trống: bắt buộc");
        assertThat(reason(problems, 5, "Số thứ tự hộ")).contains("«một»");
        assertThat(reason(problems, 6, "Quan hệ với chủ hộ")).contains("0 chủ hộ");
        assertThat(reason(problems, 6, "Số CCCD (12 chữ số)")).contains("trùng với dòng 4");
    }

    private static String reason(List<Problem> problems, int row, String column) {
        return problems.stream().filter(p -> p.row() == row && p.column().equals(column)).findFirst()
                .map(Problem::reason).orElseThrow(() -> new AssertionError("no problem at " + row + " " + column
                        + " in " + problems));
    }

    /** Excel drops the leading zero of a number cell: a citizen id typed as a number is refused with how to fix it. */
    @Test
    void aCitizenIdInANumberCellHasLostItsLeadingZeroAndIsRefusedWhileATextCellKeepsIt() {
        byte[] file = ImportFiles.file()
                .row("HOUSEHOLD_NO", 1, "UNIT_CODE", "08707", "VILLAGE", "Thôn Đông", "RELATION", "Chủ hộ",
                        "FULL_NAME", "Nguyễn Văn An", "DATE_OF_BIRTH", "14/03/1968", "SEX", "Nam",
                        "CITIZEN_ID", 26068001234L)
                .row("HOUSEHOLD_NO", 1, "RELATION", "Vợ/chồng", "FULL_NAME", "Trần Thị Bình",
                        "DATE_OF_BIRTH", "02/09/1971", "SEX", "Nữ", "CITIZEN_ID", "026171005678")
                .build();

        Upload upload = read(file);

        assertThat(upload.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("members[0].citizenId");
            assertThat(p.reason()).contains("đọc được 26068001234", "Văn bản");
        });
        assertThat(upload.households().getFirst().rows().get(1).citizenId()).isEqualTo("026171005678");
    }

    @Test
    void onlyAnXlsxIsTakenNotAnOldXlsNorARenamedTextFile() throws IOException {
        byte[] xls;
        try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet(HouseholdSpreadsheet.SHEET).createRow(0).createCell(0).setCellValue("Số thứ tự hộ");
            workbook.write(out);
            xls = out.toByteArray();
        }
        for (byte[] file : List.of(xls, "Số thứ tự hộ;Mã đơn vị\n1;08707\n".getBytes(StandardCharsets.UTF_8),
                new byte[0])) {
            assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(Workbooks.RefusedFileException.class,
                    e -> assertThat(e.reason()).isEqualTo(Workbooks.RefusedFileException.Reason.NOT_XLSX));
        }
    }

    @Test
    void aWorkbookThatIsNotTheTemplateIsRefusedAsAWhole() throws IOException {
        byte[] other;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("Họ và tên");
            workbook.write(out);
            other = out.toByteArray();
        }

        assertThatThrownBy(() -> read(other)).isInstanceOf(HouseholdSpreadsheet.NotTheTemplateException.class)
                .hasMessageContaining("«Danh sách hộ»");
    }

    /** The rows are counted by streaming the sheet's XML: a file past the limit is refused before it is built. */
    @Test
    void aFileWithMoreRowsThanTheLimitIsRefusedBeforeTheWorkbookIsBuilt() throws IOException {
        byte[] file;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(HouseholdSpreadsheet.SHEET);
            sheet.createRow(0).createCell(0).setCellValue("Số thứ tự hộ");
            sheet.createRow(1).createCell(0).setCellValue("HOUSEHOLD_NO");
            for (int r = 0; r < 51; r++) {
                Row row = sheet.createRow(r + 2);
                row.createCell(0).setCellValue(r + 1);
            }
            workbook.write(out);
            file = out.toByteArray();
        }

        assertThatThrownBy(() -> HouseholdSpreadsheet.read(new ByteArrayInputStream(file), 50))
                .isInstanceOfSatisfying(Workbooks.RefusedFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Workbooks.RefusedFileException.Reason.TOO_MANY_ROWS);
                    assertThat(e.limit()).isEqualTo(50);
                    assertThat(e.sheet()).isEqualTo(HouseholdSpreadsheet.SHEET);
                });
        assertThat(HouseholdSpreadsheet.read(new ByteArrayInputStream(ImportFiles.familyOfThree("08707")), 50)
                .households()).hasSize(1);
    }
}
