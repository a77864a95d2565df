package vn.giamngheo.local.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class LibreOfficeTest {

    @Test
    void aWorkbookComesBackAsTheFirstSheetsCsvWithItsVietnameseTextAndNumbers() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Biểu");
            Row heading = sheet.createRow(0);
            heading.createCell(0).setCellValue("Đơn vị");
            heading.createCell(1).setCellValue("Hộ nghèo, có người dân tộc thiểu số");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("Xã Thượng Hà, \"thôn 2\"");
            row.createCell(1).setCellValue(17);
            workbook.createSheet("Khác").createRow(0).createCell(0).setCellValue("không xuất");
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        String csv = LibreOffice.csv(xlsx);

        assertThat(csv.lines().toList()).containsExactly(
                "Đơn vị,\"Hộ nghèo, có người dân tộc thiểu số\"",
                "\"Xã Thượng Hà, \"\"thôn 2\"\"\",17");
    }
}
