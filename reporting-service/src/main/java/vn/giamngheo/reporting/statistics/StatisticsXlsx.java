package vn.giamngheo.reporting.statistics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.giamngheo.platform.web.ApiException;

/**
 * The statistics office's figures as an Excel workbook (.xlsx): the first sheet laid out as the CSV (a header row
 * naming the columns, then one row per unit and year), read into the same CSV text so that every check, and every
 * problem's line, is the CSV's: line N is the sheet's row N. Numbers are written as they are (a whole number without
 * ".0", a fraction with a decimal comma), text as typed, a formula as its last computed value.
 */
final class StatisticsXlsx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** More rows than the province has units for many years: a sheet beyond it is not the office's file. */
    private static final int MAX_ROWS = 20_000;

    private StatisticsXlsx() {
    }

    static String toCsv(byte[] xlsx) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw ApiException.invalid("file", "the workbook has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() >= MAX_ROWS) {
                throw ApiException.invalid("file", "the first sheet has more than " + MAX_ROWS + " rows");
            }
            StringBuilder csv = new StringBuilder();
            int width = sheet.getRow(sheet.getFirstRowNum()) == null ? 0
                    : sheet.getRow(sheet.getFirstRowNum()).getLastCellNum();
            // Row by row from the first, an empty line for an empty row: line N of the text is row N of the sheet.
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null) {
                    int last = Math.max(width, row.getLastCellNum());
                    StringBuilder line = new StringBuilder();
                    boolean any = false;
                    for (int c = 0; c < last; c++) {
                        String cell = text(row.getCell(c));
                        any |= !cell.isEmpty();
                        if (c > 0) {
                            line.append(',');
                        }
                        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
                    }
                    if (any) {
                        csv.append(line);
                    }
                }
                csv.append('\n');
            }
            return csv.toString();
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.invalid("file", "is not an Excel workbook (.xlsx) that can be read");
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            // A fraction keeps its decimal comma: the CSV reads "." as a thousands separator, and a count with a
            // fraction must be refused, not read as a number ten times larger.
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                    .replace('.', ',');
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
