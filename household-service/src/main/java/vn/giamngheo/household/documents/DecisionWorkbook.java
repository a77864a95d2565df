package vn.giamngheo.household.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.giamngheo.household.registry.Household;

/**
 * A decision's lists as a workbook: a sheet per list (poor, near-poor, escaped poverty, escaped near-poverty, middle
 * living standard) with the issuing body, the list's title and decision, Vietnamese headings, a row per household and
 * a total row.
 */
final class DecisionWorkbook {

    static final List<String> HEADINGS = List.of("STT", "Họ và tên chủ hộ", "Thôn, tổ dân phố", "Số nhân khẩu",
            "Thu nhập bình quân (đồng/người/tháng)", "Số chỉ số thiếu hụt", "Các chỉ số thiếu hụt",
            "Phân loại trước quyết định", "Mã hộ");
    /** Rows above the headings: issuing body, title, decision, a blank line. */
    static final int HEADING_ROW = 4;

    private DecisionWorkbook() {
    }

    static byte[] write(DocumentModels.Papers papers) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setWrapText(true);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            var decision = papers.round().decision();
            for (DocumentModels.DecisionList list : DocumentModels.DecisionList.values()) {
                Sheet sheet = workbook.createSheet(list.sheet);
                text(sheet.createRow(0), 0, VietnameseText.issuer(papers.unit()), bold);
                text(sheet.createRow(1), 0, list.title, bold);
                text(sheet.createRow(2), 0, "Kèm theo Quyết định số " + decision.number() + " ngày "
                        + VietnameseText.date(decision.date()) + " của Chủ tịch Ủy ban nhân dân "
                        + papers.unit().name(), null);
                Row heading = sheet.createRow(HEADING_ROW);
                for (int c = 0; c < HEADINGS.size(); c++) {
                    text(heading, c, HEADINGS.get(c), bold);
                }
                int r = HEADING_ROW + 1;
                int members = 0;
                List<DocumentModels.Line> lines = DocumentModels.sorted(list.of(papers.lines()));
                for (DocumentModels.Line line : lines) {
                    Household h = line.household();
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(r - HEADING_ROW - 1);
                    text(row, 1, h.head().fullName(), null);
                    text(row, 2, h.village(), null);
                    row.createCell(3).setCellValue(h.activeMembers().size());
                    Cell income = row.createCell(4);
                    income.setCellValue(line.survey().monthlyIncomePerCapitaVnd());
                    income.setCellStyle(money);
                    row.createCell(5).setCellValue(line.survey().deprivedIndicators().size());
                    text(row, 6, DocumentModels.deprivations(line.survey(), papers.standard()), null);
                    text(row, 7, VietnameseText.householdClass(line.before()), null);
                    text(row, 8, h.id(), null);
                    members += h.activeMembers().size();
                }
                Row total = sheet.createRow(r);
                text(total, 1, "Tổng cộng: " + lines.size() + " hộ", bold);
                Cell sum = total.createCell(3);
                sum.setCellValue(members);
                sum.setCellStyle(bold);
                sheet.setColumnWidth(1, 28 * 256);
                sheet.setColumnWidth(2, 24 * 256);
                sheet.setColumnWidth(4, 18 * 256);
                sheet.setColumnWidth(6, 40 * 256);
                sheet.setColumnWidth(7, 24 * 256);
                sheet.setColumnWidth(8, 38 * 256);
                sheet.createFreezePane(0, HEADING_ROW + 1);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
