package vn.giamngheo.reporting;

import static vn.giamngheo.testsupport.AccessSweep.Scope.ALL_UNITS;
import static vn.giamngheo.testsupport.AccessSweep.Scope.NO_AREA;

import com.mongodb.client.MongoDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.giamngheo.testsupport.AccessSweep;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.MongoState;
import vn.giamngheo.testsupport.ServiceIntegrationTest;

/**
 * Every endpoint of reporting-service × every area-bound role (issue 20). Reporting holds no household and no person:
 * its figures are aggregates of an area, as open as the public dashboard that shows them for any area, so reading them
 * is not bound to the caller's units. What changes the figures — plans and targets, area statistics, training records,
 * a reconciliation — is for those who act for every unit, and an area-bound role changes nothing.
 */
@ServiceIntegrationTest
class AccessSweepIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MongoDatabase database;

    @Test
    void areaBoundRolesReadAggregatesAndChangeNothing() {
        Map<String, String> inside = Map.of("area", "08707", "plan", "vinh-yen-2022", "course", "tap-huan-08707");
        Map<String, String> outside = Map.of("area", "08716", "plan", "vinh-yen-2022", "course", "tap-huan-08716");
        String course = """
                {"title":"Tập huấn rà soát hộ nghèo","organiser":"Sở NN&MT","startDate":"2026-09-10",
                 "endDate":"2026-09-11","attendees":[{"officerId":"can-bo-{area}","unitCode":"{area}"}]}""";
        AccessSweep.of(port, mappings)
                .callers(AccessSweep.areaBoundCallers("08707", "EDUCATION"))
                .inside(inside).outside(outside)
                // The live projection moves by itself.
                .state(MongoState.of(database, "progress"))
                .open("GET /api/v1/dashboard", "GET /api/v1/areas/{area}/stream")
                .get(NO_AREA, "/api/v1/areas/{area}")
                .get(NO_AREA, "/api/v1/areas/{area}/figures?asOf=2026-06-30")
                .get(NO_AREA, "/api/v1/areas/{area}/units")
                .get(NO_AREA, "/api/v1/areas/{area}/changes?from=2026-01-01")
                .get(NO_AREA, "/api/v1/areas/{area}/trend")
                .get(NO_AREA, "/api/v1/reports/review-summary.xlsx?area={area}")
                .get(NO_AREA, "/api/v1/reports/deprivations.xlsx?area={area}")
                .get(NO_AREA, "/api/v1/reports/characteristics.xlsx?area={area}")
                .get(NO_AREA, "/api/v1/reports/progress.xlsx?plan={plan}")
                .get(NO_AREA, "/api/v1/plans")
                .get(NO_AREA, "/api/v1/plans/{plan}")
                .get(NO_AREA, "/api/v1/plans/{plan}/progress")
                .get(NO_AREA, "/api/v1/statistics")
                .get(NO_AREA, "/api/v1/training/courses?area={area}")
                .call(ALL_UNITS, "PUT", "/api/v1/plans/{plan}", (path, side) ->
                        Http.put(path, Http.get(path).body()))
                .call(ALL_UNITS, "POST", "/api/v1/statistics", "[{\"year\":2026,\"unitCode\":\"{area}\","
                        + "\"households\":14200,\"population\":49800}]")
                .call(ALL_UNITS, "POST", "/api/v1/statistics", (path, side) -> Http.post(path, "text/csv",
                        "year,unitCode,households,population\n2026," + side.get("area") + ",14200,49800\n"))
                .call(ALL_UNITS, "POST", "/api/v1/statistics", (path, side) -> Http.post(path,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        statisticsWorkbook(side.get("area"))))
                .call(ALL_UNITS, "PUT", "/api/v1/training/courses/{course}", course)
                .call(ALL_UNITS, "POST", "/api/v1/reconciliation", "{}")
                .get(ALL_UNITS, "/api/v1/reconciliation")
                .get(ALL_UNITS, "/api/v1/audit")
                .deadLetters()
                .run();
    }

    /** The statistics as the office's Excel file: one row for {@code area}. */
    private static byte[] statisticsWorkbook(String area) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Số liệu");
            var header = sheet.createRow(0);
            var row = sheet.createRow(1);
            String[] columns = {"year", "unitCode", "households", "population"};
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(columns[c]);
            }
            row.createCell(0).setCellValue(2026);
            row.createCell(1).setCellValue(area);
            row.createCell(2).setCellValue(14200);
            row.createCell(3).setCellValue(49800);
            workbook.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
