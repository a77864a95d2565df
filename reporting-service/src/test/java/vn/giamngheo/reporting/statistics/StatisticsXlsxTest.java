package vn.giamngheo.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;

/** The statistics office's figures as an Excel sheet: read as the CSV, each problem on its sheet row. */
class StatisticsXlsxTest {

    @Test
    void theFirstSheetIsReadAsTheCsvWithTheSheetsRowNumbers() throws IOException {
        byte[] xlsx = workbook(new Object[][] {
                {"year", "unitCode", "households", "population", "officers"},
                {2022.0, "08710", 1200.0, 4100.0, null},
                {},
                {2022.0, "08707", "100", 350.0, 2.0},
                {2022.0, "08716", 0.0, 90.0, 1.0}});
        StatisticsCsv.Parsed parsed = StatisticsCsv.parse(StatisticsXlsx.toCsv(xlsx));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).containsExactly(new AreaStatistics.Row("08710", 2022, 1200, 4100, null),
                new AreaStatistics.Row("08707", 2022, 100, 350, 2L),
                new AreaStatistics.Row("08716", 2022, 0, 90, 1L));
        // Row 5 of the sheet is line 5: the households of 0 will be refused there by the store's checks.
        assertThat(parsed.where()).containsExactly("line 2: ", "line 4: ", "line 5: ");
    }

    @Test
    void aCellThatIsNotAWholeNumberIsAProblemOnItsRowAndColumn() throws IOException {
        byte[] xlsx = workbook(new Object[][] {
                {"year", "unitCode", "households", "population"},
                {2022.0, "08710", 1200.5, 4100.0}});
        StatisticsCsv.Parsed parsed = StatisticsCsv.parse(StatisticsXlsx.toCsv(xlsx));
        assertThat(parsed.problems()).containsExactly(new FieldProblem("line 2: households",
                "must be a whole number; was '1200,5'"));
        assertThat(parsed.rows()).isEmpty();
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedOnTheFile() {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> StatisticsXlsx.toCsv("year,unitCode\n".getBytes()));
        assertThat(refused.problems()).containsExactly(new FieldProblem("file",
                "is not an Excel workbook (.xlsx) that can be read"));
    }

    private static byte[] workbook(Object[][] rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Số liệu");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else if (rows[r][c] instanceof String s) {
                        row.createCell(c).setCellValue(s);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
