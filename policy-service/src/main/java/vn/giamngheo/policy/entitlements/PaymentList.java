package vn.giamngheo.policy.entitlements;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A department's payment list for a period as an Excel workbook: one row per entitlement line that has an amount
 * (a household, or a person of it), grouped by commune with the commune's total, then the grand total. Every figure is
 * a line of the same {@link Entitlements.Report} that {@code GET /api/v1/entitlements} returns, so the totals are its
 * totals to the đồng; lines without an amount (a fee exemption) are counted in a note, not paid.
 */
final class PaymentList {

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The departments' names as their lists are headed. */
    static final Map<String, String> DEPARTMENT_NAMES = Map.of("HEALTH_INSURANCE", "Bảo hiểm xã hội",
            "EDUCATION", "Giáo dục và Đào tạo", "LABOUR", "Nông nghiệp và Môi trường (bảo trợ xã hội)",
            "SOCIAL_POLICY_BANK", "Ngân hàng Chính sách xã hội", "JUSTICE", "Tư pháp");
    static final String[] HEADINGS = {"STT", "Mã hộ", "Người hưởng", "Chính sách", "Số tháng", "Số tiền (đồng)"};

    /** A commune's rows, by its code and name. */
    record Commune(String code, String name, List<Entitlements.Line> lines) {

        long totalVnd() {
            return lines.stream().mapToLong(Entitlements.Line::totalVnd).sum();
        }
    }

    private PaymentList() {
    }

    /** The lines with an amount, by commune (code order), each commune's lines by household and person. */
    static List<Commune> communes(Entitlements.Report report, Function<String, String> unitName) {
        Map<String, List<Entitlements.Line>> byUnit = new java.util.TreeMap<>();
        for (Entitlements.Line line : report.lines()) {
            if (line.totalVnd() != null) {
                byUnit.computeIfAbsent(line.unitCode() == null ? "" : line.unitCode(), k -> new ArrayList<>())
                        .add(line);
            }
        }
        List<Commune> communes = new ArrayList<>();
        byUnit.forEach((code, lines) -> {
            lines.sort(Comparator.comparing(Entitlements.Line::householdId)
                    .thenComparing(l -> l.personId() == null ? "" : l.personId())
                    .thenComparing(Entitlements.Line::policyCode));
            communes.add(new Commune(code, code.isEmpty() ? "(không rõ đơn vị)" : unitName.apply(code), lines));
        });
        return communes;
    }

    static byte[] workbook(String departmentName, Entitlements.Report report, List<Commune> communes,
            Function<String, String> policyName) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle plain = style(book, false);
            CellStyle bold = style(book, true);
            CellStyle money = style(book, false);
            CellStyle boldMoney = style(book, true);
            short thousands = book.createDataFormat().getFormat("#,##0");
            money.setDataFormat(thousands);
            boldMoney.setDataFormat(thousands);
            Sheet sheet = book.createSheet("Danh sách chi trả");
            int next = 0;
            Font titleFont = book.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 13);
            CellStyle title = book.createCellStyle();
            title.setFont(titleFont);
            for (String line : new String[] {"DANH SÁCH CHI TRẢ — " + departmentName.toUpperCase(),
                    "Kỳ " + report.period() + ": từ ngày " + VN.format(report.from()) + " đến ngày "
                            + VN.format(report.to())}) {
                Cell cell = sheet.createRow(next++).createCell(0);
                cell.setCellValue(line);
                cell.setCellStyle(title);
            }
            next++;
            row(sheet.createRow(next++), bold, bold, (Object[]) HEADINGS);
            long grand = 0;
            for (Commune commune : communes) {
                row(sheet.createRow(next++), bold, boldMoney, commune.name() + " (" + commune.code() + ")");
                int number = 1;
                for (Entitlements.Line line : commune.lines()) {
                    row(sheet.createRow(next++), plain, money, number++, line.householdId(),
                            line.personId() == null ? "Cả hộ" : line.personId(), policyName.apply(line.policyCode()),
                            line.months().size(), line.totalVnd());
                }
                row(sheet.createRow(next++), bold, boldMoney, "", "Cộng " + commune.name(), "", "", "",
                        commune.totalVnd());
                grand += commune.totalVnd();
            }
            row(sheet.createRow(next++), bold, boldMoney, "", "Tổng cộng", "", "", "", grand);
            long unpaid = report.lines().stream().filter(l -> l.totalVnd() == null).count();
            if (unpaid > 0) {
                sheet.createRow(++next).createCell(0).setCellValue(unpaid
                        + " quyết định miễn, giảm (không có số tiền chi trả) không có trong danh sách này.");
            }
            int[] widths = {8, 30, 30, 48, 10, 18};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Row row, CellStyle text, CellStyle number, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.createCell(i);
            if (values[i] instanceof Number n) {
                cell.setCellValue(n.doubleValue());
                cell.setCellStyle(number);
            } else {
                cell.setCellValue(values[i] == null ? "" : values[i].toString());
                cell.setCellStyle(text);
            }
        }
    }

    private static CellStyle style(XSSFWorkbook book, boolean bold) {
        CellStyle style = book.createCellStyle();
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setWrapText(true);
        if (bold) {
            Font font = book.createFont();
            font.setBold(true);
            style.setFont(font);
        }
        return style;
    }
}
