package vn.giamngheo.reporting.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A small writer over POI: titled sheets of bordered rows, numbers as numbers, bold headers and totals. */
final class Workbook {

    private final XSSFWorkbook book = new XSSFWorkbook();
    private final CellStyle plain;
    private final CellStyle bold;
    private final CellStyle title;
    private final CellStyle decimal;
    private Sheet sheet;
    private int next;

    Workbook() {
        plain = bordered(false);
        bold = bordered(true);
        decimal = bordered(false);
        decimal.setDataFormat(book.createDataFormat().getFormat("0.00"));
        title = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) 13);
        title.setFont(font);
    }

    private CellStyle bordered(boolean strong) {
        CellStyle style = book.createCellStyle();
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setWrapText(true);
        if (strong) {
            Font font = book.createFont();
            font.setBold(true);
            style.setFont(font);
        }
        return style;
    }

    Workbook sheet(String name, String... titleLines) {
        sheet = book.createSheet(name);
        next = 0;
        for (String line : titleLines) {
            Cell cell = sheet.createRow(next++).createCell(0);
            cell.setCellValue(line);
            cell.setCellStyle(title);
        }
        next++;
        return this;
    }

    Workbook header(Object... values) {
        return row(true, values);
    }

    Workbook row(Object... values) {
        return row(false, values);
    }

    Workbook total(Object... values) {
        return row(true, values);
    }

    /** A total row (bold) when {@code total}, else a plain one. */
    Workbook row(boolean total, Object... values) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.createCell(i);
            Object v = values[i];
            if (v instanceof Number n) {
                cell.setCellValue(n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue());
                cell.setCellStyle(n instanceof BigDecimal ? decimal : total ? bold : plain);
            } else {
                cell.setCellValue(v == null ? "" : v.toString());
                cell.setCellStyle(total ? bold : plain);
            }
        }
        return this;
    }

    Workbook note(String text) {
        sheet.createRow(next++).createCell(0).setCellValue(text);
        return this;
    }

    byte[] bytes() {
        for (int i = 0; i < book.getNumberOfSheets(); i++) {
            Sheet s = book.getSheetAt(i);
            s.setColumnWidth(0, 36 * 256);
            for (int c = 1; c < 20; c++) {
                s.setColumnWidth(c, 14 * 256);
            }
        }
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
