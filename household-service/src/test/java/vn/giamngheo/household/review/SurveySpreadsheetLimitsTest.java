package vn.giamngheo.household.review;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A survey spreadsheet is refused by its number of rows before it is built (issue 20: 83,441 rows cost 53 s). */
class SurveySpreadsheetLimitsTest {

    private static byte[] workbook(int dataRows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SurveySpreadsheet.SHEET);
            sheet.createRow(0).createCell(0).setCellValue("Mã hộ");
            sheet.createRow(1).createCell(0).setCellValue(SurveySpreadsheet.HOUSEHOLD);
            for (int r = 0; r < dataRows; r++) {
                Row row = sheet.createRow(r + 2);
                row.createCell(0).setCellValue("hh-" + r);
                row.createCell(1).setCellValue(4);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aFileWithMoreRowsThanAListCanHaveIsRefusedBeforeItIsRead() throws IOException {
        assertThatCode(() -> SurveySpreadsheet.checkRowCount(workbook(50), 50)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SurveySpreadsheet.checkRowCount(workbook(51), 50))
                .isInstanceOf(ReviewRuleException.class)
                .hasMessageContaining("more than 50 rows");
    }

    /** An old binary .xls would be built whole by another reader, with no count: only .xlsx is taken. */
    @Test
    void onlyAnXlsxWorkbookIsTaken() throws IOException {
        byte[] xls;
        try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet(SurveySpreadsheet.SHEET).createRow(0).createCell(0).setCellValue("Mã hộ");
            workbook.write(out);
            xls = out.toByteArray();
        }
        for (byte[] file : List.of(xls, "year,unit\n".getBytes(StandardCharsets.UTF_8), new byte[0])) {
            assertThatThrownBy(() -> SurveySpreadsheet.checkRowCount(file, 50))
                    .isInstanceOf(ReviewRuleException.class).hasMessageContaining(".xlsx");
        }
    }
}
