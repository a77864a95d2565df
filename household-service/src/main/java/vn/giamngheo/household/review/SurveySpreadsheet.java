package vn.giamngheo.household.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.giamngheo.household.classification.DeprivationIndicator;
import vn.giamngheo.household.classification.PovertyStandard;
import vn.giamngheo.household.registry.Household;
import vn.giamngheo.household.spreadsheet.Workbooks;

/**
 * The survey spreadsheet officers fill in: one row per household, Vietnamese headings, one column per indicator of the
 * round's standard (an "x" marks a deprivation). A hidden second row carries the column codes, so a sheet whose
 * columns were reordered or renamed still reads correctly.
 */
final class SurveySpreadsheet {

    static final String SHEET = "Phiếu rà soát";
    static final String HOUSEHOLD = "HOUSEHOLD_ID";
    static final String HEAD = "HEAD_NAME";
    static final String MEMBERS = "MEMBER_COUNT";
    static final String INCOME = "ANNUAL_INCOME_VND";
    private static final Set<String> MARKED = Set.of("x", "có", "co", "1", "true", "đúng");
    private static final Set<String> UNMARKED = Set.of("", "0", "không", "khong", "false");

    /** A row as read: its answers, or the problems that keep it from being recorded. */
    record SheetRow(int row, String householdId, Long memberCount, Long annualIncomeVnd, List<String> deprived,
            List<Problem> problems) {
    }

    /** A problem in one cell (1-based row, column heading). */
    record Problem(int row, String column, String reason) {
    }

    private SurveySpreadsheet() {
    }

    static byte[] template(ReviewRound round, PovertyStandard standard, List<Household> households) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            List<String> headings = new ArrayList<>(List.of("Mã hộ", "Chủ hộ", "Số nhân khẩu",
                    "Tổng thu nhập 12 tháng (đồng)"));
            List<String> codes = new ArrayList<>(List.of(HOUSEHOLD, HEAD, MEMBERS, INCOME));
            for (DeprivationIndicator indicator : standard.indicators()) {
                headings.add(indicator.nameVi() + " (x nếu thiếu hụt)");
                codes.add(indicator.code());
            }
            Workbooks.writeHeadings(sheet, headings, codes);
            for (int c = 0; c < headings.size(); c++) {
                sheet.setColumnWidth(c, c < 2 ? 40 * 256 : 22 * 256);
            }
            int r = 2;
            for (Household household : households) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(household.id());
                row.createCell(1).setCellValue(household.head().fullName());
                row.createCell(2).setCellValue(household.activeMembers().size());
            }
            sheet.createFreezePane(2, 2);
            workbook.setSheetName(0, SHEET);
            Sheet about = workbook.createSheet("Hướng dẫn");
            about.createRow(0).createCell(0).setCellValue("Đợt rà soát " + round.id() + ", đơn vị " + round.unitCode()
                    + ", ngày tham chiếu " + round.referenceDate() + ", " + standard.name() + ".");
            about.createRow(1).createCell(0).setCellValue("Điền số nhân khẩu, tổng thu nhập 12 tháng của hộ (đồng) và "
                    + "đánh dấu x vào chỉ số hộ bị thiếu hụt. Không đổi dòng ẩn thứ 2.");
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the survey template", e);
        }
    }

    /**
     * Reads every data row; a file that is not a survey spreadsheet at all, or has more than {@code maxRows} rows, is
     * refused as a whole.
     */
    static List<SheetRow> read(InputStream in, PovertyStandard standard, int maxRows) {
        Workbook workbook;
        try {
            workbook = Workbooks.open(in, maxRows);
        } catch (Workbooks.RefusedFileException e) {
            throw refused(e);
        }
        try (workbook) {
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                throw ReviewRuleException.invalid("file", "no sheet named «" + SHEET + "»; download the template");
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Workbooks.Columns sheetColumns = Workbooks.columns(sheet, formatter);
            if (sheetColumns.byCode().isEmpty()) {
                throw ReviewRuleException.invalid("file", "the heading rows are missing; download the template");
            }
            Map<String, Integer> columns = sheetColumns.byCode();
            Map<Integer, String> headings = sheetColumns.headings();
            for (String required : List.of(HOUSEHOLD, MEMBERS, INCOME)) {
                if (!columns.containsKey(required)) {
                    throw ReviewRuleException.invalid("file", "column " + required + " is missing from the hidden "
                            + "second row; download the template");
                }
            }
            for (String code : columns.keySet()) {
                if (!Set.of(HOUSEHOLD, HEAD, MEMBERS, INCOME).contains(code) && standard.indicator(code).isEmpty()) {
                    throw ReviewRuleException.invalid("file", "column " + code + " is not an indicator of "
                            + standard.code() + "; download the template of this round");
                }
            }
            List<SheetRow> rows = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || notFilledIn(row, formatter, Set.of(columns.get(HOUSEHOLD),
                        columns.getOrDefault(HEAD, -1), columns.get(MEMBERS)))) {
                    continue;
                }
                int number = r + 1;
                List<Problem> problems = new ArrayList<>();
                String householdId = formatter.formatCellValue(row.getCell(columns.get(HOUSEHOLD))).strip();
                if (householdId.isEmpty()) {
                    problems.add(new Problem(number, headings.get(columns.get(HOUSEHOLD)), "is empty"));
                }
                Long members = wholeNumber(row.getCell(columns.get(MEMBERS)), formatter, number,
                        headings.get(columns.get(MEMBERS)), 1, problems);
                Long income = wholeNumber(row.getCell(columns.get(INCOME)), formatter, number,
                        headings.get(columns.get(INCOME)), 0, problems);
                List<String> deprived = new ArrayList<>();
                for (var entry : columns.entrySet()) {
                    if (standard.indicator(entry.getKey()).isEmpty()) {
                        continue;
                    }
                    String mark = formatter.formatCellValue(row.getCell(entry.getValue())).strip()
                            .toLowerCase(Locale.ROOT);
                    if (MARKED.contains(mark)) {
                        deprived.add(entry.getKey());
                    } else if (!UNMARKED.contains(mark)) {
                        problems.add(new Problem(number, headings.get(entry.getValue()), "'" + mark
                                + "' is not a mark: write x for a deprivation, or leave it empty"));
                    }
                }
                rows.add(new SheetRow(number, householdId, members, income, deprived, problems));
            }
            return rows;
        } catch (IOException e) {
            throw ReviewRuleException.invalid("file", "cannot be read: " + e.getMessage());
        }
    }

    private static Long wholeNumber(Cell cell, DataFormatter formatter, int row, String column, long min,
            List<Problem> problems) {
        String text = formatter.formatCellValue(cell).strip().replace(".", "").replace(",", "").replace(" ", "");
        if (cell != null && cell.getCellType() == CellType.NUMERIC) {
            double value = cell.getNumericCellValue();
            if (value != Math.rint(value)) {
                problems.add(new Problem(row, column, "must be a whole number, was " + value));
                return null;
            }
            text = String.valueOf((long) value);
        }
        if (text.isEmpty()) {
            problems.add(new Problem(row, column, "is empty"));
            return null;
        }
        try {
            long value = Long.parseLong(text);
            if (value < min) {
                problems.add(new Problem(row, column, "must be at least " + min + ", was " + value));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(new Problem(row, column, "'" + text + "' is not a whole number"));
            return null;
        }
    }

    /** Refuses a file that is not an .xlsx or has more than {@code maxRows} rows, before the workbook is built. */
    static void checkRowCount(byte[] file, int maxRows) {
        try {
            Workbooks.checkRowCount(file, maxRows);
        } catch (Workbooks.RefusedFileException e) {
            throw refused(e);
        }
    }

    private static ReviewRuleException refused(Workbooks.RefusedFileException e) {
        return ReviewRuleException.invalid("file", switch (e.reason()) {
            case NOT_XLSX -> e.getMessage() + "; download the template and fill it in";
            case TOO_MANY_ROWS -> e.getMessage() + "; a round's list has at most " + e.limit() + " households: split it";
            case UNREADABLE -> e.getMessage();
        });
    }

    /** A template row the officer has not filled in: only the prefilled id, name and member count. */
    private static boolean notFilledIn(Row row, DataFormatter formatter, Set<Integer> prefilled) {
        for (Cell cell : row) {
            if (!prefilled.contains(cell.getColumnIndex()) && !formatter.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
