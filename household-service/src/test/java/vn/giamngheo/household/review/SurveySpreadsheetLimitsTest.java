package vn.giamngheo.household.review;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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

    /** A sheet written by a tool that prefixes its elements ({@code <x:row>}), as the OpenXML SDK does. */
    private static byte[] prefixedSheet(int rows) throws IOException {
        StringBuilder xml = new StringBuilder("<x:worksheet xmlns:x=\"urn:x\"><x:sheetData>");
        for (int r = 1; r <= rows; r++) {
            xml.append("<x:row r=\"").append(r).append("\"><x:c r=\"A").append(r).append("\"/></x:row>");
        }
        xml.append("</x:sheetData><x:rowBreaks count=\"0\"/></x:worksheet>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aFileWithMoreRowsThanAListCanHaveIsRefusedBeforeItIsRead() throws IOException {
        assertThatCode(() -> SurveySpreadsheet.checkRowCount(workbook(50), 50)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SurveySpreadsheet.checkRowCount(workbook(51), 50))
                .isInstanceOf(ReviewRuleException.class)
                .hasMessageContaining("more than 50 rows");
        assertThatCode(() -> SurveySpreadsheet.checkRowCount(prefixedSheet(52), 50)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SurveySpreadsheet.checkRowCount(prefixedSheet(53), 50))
                .isInstanceOf(ReviewRuleException.class);
    }

    @Test
    void aFileThatIsNotAZipIsLeftToTheWorkbookReader() {
        assertThatCode(() -> SurveySpreadsheet.checkRowCount("year,unit\n".getBytes(StandardCharsets.UTF_8), 1))
                .doesNotThrowAnyException();
    }
}
