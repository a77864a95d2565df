package vn.giamngheo.household.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.household.registry.FixedClock;
import vn.giamngheo.household.registry.Households;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;

/** Officers survey with the Excel template: download, fill in, upload; invalid rows are reported, not recorded. */
@ServiceIntegrationTest
@Import(FixedClock.class)
class SurveySpreadsheetIT {

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String household(String unit) {
        return Http.post(url("/api/v1/households"), Households.registrationJson(unit)).json().get("id").asString();
    }

    @Test
    void aFilledInTemplateRecordsItsValidRowsReportsTheOthersAndCanBeUploadedAgain() throws Exception {
        String poor = household("08707");
        String nearPoor = household("08707");
        String notAsked = household("08707");
        // The template lists the round's households to survey: here, the two that asked in the month before it.
        for (String asked : new String[] {poor, nearPoor}) {
            Http.post(url("/api/v1/review-requests"), "{\"householdId\":\"" + asked
                    + "\",\"form\":\"FORM_01\",\"receivedOn\":\"2026-11-10\"}").expectStatus(201);
        }
        String round = Http.post(url("/api/v1/review-rounds"),
                "{\"unitCode\":\"08707\",\"kind\":\"MONTHLY\",\"referenceDate\":\"2026-11-15\"}").json()
                .get("round").get("id").asString();

        byte[] template = Http.download(url("/api/v1/review-rounds/" + round + "/survey-template"));
        byte[] filled;
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet("Phiếu rà soát");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã hộ");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Tổng thu nhập 12 tháng (đồng)");
            assertThat(sheet.getRow(1).getZeroHeight()).isTrue();
            Map<String, Integer> column = new HashMap<>();
            sheet.getRow(1).forEach(c -> column.put(c.getStringCellValue(), c.getColumnIndex()));
            Map<String, Row> rows = new HashMap<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                rows.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r));
            }
            assertThat(rows).containsKeys(poor, nearPoor).doesNotContainKey(notAsked);

            Row poorRow = rows.get(poor);
            poorRow.getCell(column.get("MEMBER_COUNT")).setCellValue(3);
            poorRow.createCell(column.get("ANNUAL_INCOME_VND")).setCellValue(64_800_000);
            poorRow.createCell(column.get("HEALTH_INSURANCE")).setCellValue("x");
            poorRow.createCell(column.get("SANITATION")).setCellValue("x");
            poorRow.createCell(column.get("DRINKING_WATER")).setCellValue("X");
            Row nearRow = rows.get(nearPoor);
            nearRow.createCell(column.get("ANNUAL_INCOME_VND")).setCellValue("68.400.000");
            nearRow.createCell(column.get("TELECOM")).setCellValue("có");
            Row bad = sheet.createRow(sheet.getLastRowNum() + 1);
            bad.createCell(column.get("HOUSEHOLD_ID")).setCellValue(household("08707"));
            bad.createCell(column.get("MEMBER_COUNT")).setCellValue(0);
            bad.createCell(column.get("ANNUAL_INCOME_VND")).setCellValue("nhiều");
            bad.createCell(column.get("NUTRITION")).setCellValue("?");
            Row stranger = sheet.createRow(sheet.getLastRowNum() + 1);
            stranger.createCell(column.get("HOUSEHOLD_ID")).setCellValue(household("08716"));
            stranger.createCell(column.get("MEMBER_COUNT")).setCellValue(2);
            stranger.createCell(column.get("ANNUAL_INCOME_VND")).setCellValue(10_000_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }

        JsonNode first = Http.upload(url("/api/v1/review-rounds/" + round + "/survey-upload"), "file", "phieu.xlsx",
                filled).json();

        assertThat(first.get("recorded").asInt()).isEqualTo(2);
        assertThat(first.get("rejected").asInt()).isEqualTo(2);
        assertThat(first.get("errors").findValuesAsString("column")).contains("Số nhân khẩu",
                "Tổng thu nhập 12 tháng (đồng)", "Dinh dưỡng (x nếu thiếu hụt)", "Mã hộ");
        assertThat(first.get("errors").findValuesAsString("reason")).anySatisfy(
                reason -> assertThat(reason).contains("belongs to unit 08716"));
        JsonNode view = Http.get(url("/api/v1/review-rounds/" + round)).json();
        Map<String, String> classes = new HashMap<>();
        view.get("surveys").forEach(s -> classes.put(s.get("householdId").asString(), s.get("classification").asString()));
        assertThat(classes).containsEntry(poor, "POOR").containsEntry(nearPoor, "NEAR_POOR").hasSize(2);

        JsonNode again = Http.upload(url("/api/v1/review-rounds/" + round + "/survey-upload"), "file", "phieu.xlsx",
                filled).json();

        assertThat(again.get("recorded").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(Http.get(url("/api/v1/review-rounds/" + round)).json().get("surveys").findValuesAsString(
                "assessmentId")).isEqualTo(view.get("surveys").findValuesAsString("assessmentId"));
    }

    @Test
    void aFileThatIsNotTheTemplateIsRefusedAsAWhole() {
        String round = Http.post(url("/api/v1/review-rounds"),
                "{\"unitCode\":\"08716\",\"kind\":\"MONTHLY\",\"referenceDate\":\"2026-11-15\"}").json()
                .get("round").get("id").asString();

        Http.Response notExcel = Http.upload(url("/api/v1/review-rounds/" + round + "/survey-upload"), "file",
                "phieu.xlsx", "Mã hộ;Số nhân khẩu\n1;2\n".getBytes(StandardCharsets.UTF_8));

        assertThat(notExcel.status()).isEqualTo(400);
        assertThat(notExcel.json().get("errors").findValuesAsString("field")).containsExactly("file");
        assertThat(Http.get(url("/api/v1/review-rounds/" + round)).json().get("surveys")).isEmpty();
    }

    @Test
    void aWorkbookWithoutTheSurveySheetIsRefused() throws Exception {
        String round = Http.post(url("/api/v1/review-rounds"),
                "{\"unitCode\":\"08716\",\"kind\":\"MONTHLY\",\"referenceDate\":\"2026-11-15\"}").json()
                .get("round").get("id").asString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            Cell cell = workbook.createSheet("Sheet1").createRow(0).createCell(0);
            cell.setCellValue("Mã hộ");
            workbook.write(out);
        }

        Http.Response response = Http.upload(url("/api/v1/review-rounds/" + round + "/survey-upload"), "file",
                "other.xlsx", out.toByteArray());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("Phiếu rà soát");
    }
}
