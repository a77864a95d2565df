package vn.giamngheo.household.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Object mother for the registry's import spreadsheet: the real template, filled in row by row as an officer would —
 * text cells, number cells and date cells as given.
 */
public final class ImportFiles {

    private final List<Map<String, Object>> rows = new ArrayList<>();

    private ImportFiles() {
    }

    public static ImportFiles file() {
        return new ImportFiles();
    }

    /** A member's row: column codes (as in the template's hidden row) and values, in pairs. */
    public ImportFiles row(Object... codesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < codesAndValues.length; i += 2) {
            row.put((String) codesAndValues[i], codesAndValues[i + 1]);
        }
        rows.add(row);
        return this;
    }

    /** The couple and their daughter of {@link Households#familyOfThree}, with citizen ids no other test uses. */
    public ImportFiles familyOfThree(int number, String unit) {
        LocalDate husband = LocalDate.parse("1968-03-14");
        LocalDate wife = LocalDate.parse("1971-09-02");
        return row("HOUSEHOLD_NO", number, "UNIT_CODE", unit, "VILLAGE", "Tổ dân phố Đồng Tâm 3",
                "RELATION", "Chủ hộ", "FULL_NAME", "Nguyễn Văn An", "DATE_OF_BIRTH", husband, "SEX", "Nam",
                "CITIZEN_ID", Households.newCitizenId(Sex.MALE, husband), "ETHNICITY", "Kinh")
                .row("HOUSEHOLD_NO", number, "RELATION", "Vợ/chồng", "FULL_NAME", "Trần Thị Bình",
                        "DATE_OF_BIRTH", "02/09/1971", "SEX", "Nữ", "CITIZEN_ID", Households.newCitizenId(Sex.FEMALE, wife))
                .row("HOUSEHOLD_NO", number, "RELATION", "Con", "FULL_NAME", "Nguyễn Thị Chi",
                        "DATE_OF_BIRTH", LocalDate.parse("2012-06-20"), "SEX", "Nữ");
    }

    /** One household of three in {@code unit}: the smallest valid file. */
    public static byte[] familyOfThree(String unit) {
        return file().familyOfThree(1, unit).build();
    }

    public List<Map<String, Object>> rows() {
        return rows;
    }

    /** The template with these rows from its third row on (1-based row 3 is the first member). */
    public byte[] build() {
        return build(HouseholdSpreadsheet.template(1000));
    }

    public byte[] build(byte[] template) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheet(HouseholdSpreadsheet.SHEET);
            Map<String, Integer> columns = new HashMap<>();
            sheet.getRow(1).forEach(c -> columns.put(c.getStringCellValue(), c.getColumnIndex()));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                for (var cell : rows.get(r).entrySet()) {
                    Integer column = columns.get(cell.getKey());
                    if (column == null) {
                        throw new IllegalArgumentException("no column " + cell.getKey());
                    }
                    Cell c = row.createCell(column);
                    switch (cell.getValue()) {
                        case null -> { }
                        case Number n -> c.setCellValue(n.doubleValue());
                        case LocalDate d -> {
                            c.setCellValue(d);
                            c.setCellStyle(date);
                        }
                        default -> c.setCellValue(cell.getValue().toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
