package vn.giamngheo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;
import vn.giamngheo.testsupport.TopicProbe;

/**
 * A department's payment list as Excel: the rows and totals are those of {@code GET /api/v1/entitlements} to the đồng,
 * grouped by commune; another department's officer is refused; a bad period or department is named.
 */
@ServiceIntegrationTest
@Import(TestClock.Config.class)
class PaymentListIT {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void publish(EventEnvelope<?> event) {
        TopicProbe.publish(event, EventCodec.writePayload(event.data()));
    }

    /** A poor household of {@code unit} whose pupil (the sample's third member) is at school from 5 September 2025. */
    private String pupilsHousehold(String unit) {
        String id = EventFixtures.newId();
        publish(EventFixtures.householdRegistered(id, unit));
        publish(EventFixtures.householdReclassified(id, unit, 2, null, HouseholdClass.POOR, Transition.INITIAL,
                LocalDate.parse("2025-03-25"), LocalDate.parse("2025-04-01")));
        JsonNode members = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(url("/api/v1/households/" + id)), r -> r.status() == 200
                        && r.body().contains("POOR")).json().get("members");
        Http.put(url("/api/v1/households/" + id + "/facts"), """
                {"from": "2025-09-05", "members": [{"personId": "%s", "schooling": "LOWER_SECONDARY",
                  "publicSchool": true, "pensionVnd": 0, "disability": "NONE"}]}"""
                .formatted(members.get(2).get("personId").asString())).expectStatus(200);
        return id;
    }

    /** The sheet's rows as text, numbers as whole đồng. */
    private static List<List<String>> rows(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    cells.add(cell.getCellType() == CellType.NUMERIC ? String.valueOf((long) cell.getNumericCellValue())
                            : cell.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void theListsTotalsAreTheEntitlementsToTheDongByCommune() throws IOException {
        clock.setToday(LocalDate.parse("2025-12-31"));
        String inVinhYen = pupilsHousehold("08707");
        String inVinhPhuc = pupilsHousehold("08716");
        String education = TestTokens.departmentOfficer("EDUCATION");

        JsonNode api = Http.as(education, () -> Http.get(url("/api/v1/entitlements?department=EDUCATION&period=2025-Q4")))
                .expectStatus(200).json();
        long apiTotal = 0;
        Map<String, Long> apiByHousehold = new HashMap<>();
        for (JsonNode line : api.get("lines")) {
            if (line.get("householdId").asString().equals(inVinhPhuc)) {
                assertThat(line.get("unitCode").asString()).isEqualTo("08716");
            }
            if (line.has("totalVnd")) {
                apiTotal += line.get("totalVnd").asLong();
                apiByHousehold.merge(line.get("householdId").asString(), line.get("totalVnd").asLong(), Long::sum);
            }
        }
        long apiTotals = 0;
        for (JsonNode total : api.get("totals")) {
            apiTotals += total.get("totalVnd").asLong();
        }
        assertThat(apiTotal).isEqualTo(apiTotals);
        // Study-cost support, October to December at 150,000 đồng a month.
        assertThat(apiByHousehold).containsEntry(inVinhYen, 3 * 150_000L).containsEntry(inVinhPhuc, 3 * 150_000L);

        byte[] xlsx = Http.as(education,
                () -> Http.download(url("/api/v1/entitlements/payment-list.xlsx?department=EDUCATION&period=2025-Q4")));
        List<List<String>> rows = rows(xlsx);
        assertThat(rows.get(0).get(0)).isEqualTo("DANH SÁCH CHI TRẢ — GIÁO DỤC VÀ ĐÀO TẠO");
        assertThat(rows.get(1).get(0)).isEqualTo("Kỳ 2025-Q4: từ ngày 01/10/2025 đến ngày 31/12/2025");
        assertThat(rows).contains(List.of("STT", "Mã hộ", "Người hưởng", "Chính sách", "Số tháng", "Số tiền (đồng)"));
        long sumOfRows = 0;
        long sumOfCommunes = 0;
        Long grand = null;
        Map<String, Long> byHousehold = new HashMap<>();
        List<String> communes = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() == 6 && row.get(0).matches("\\d+")) {
                sumOfRows += Long.parseLong(row.get(5));
                byHousehold.merge(row.get(1), Long.parseLong(row.get(5)), Long::sum);
            } else if (row.size() == 6 && row.get(1).startsWith("Cộng ")) {
                sumOfCommunes += Long.parseLong(row.get(5));
                communes.add(row.get(1));
            } else if (row.size() == 6 && row.get(1).equals("Tổng cộng")) {
                grand = Long.parseLong(row.get(5));
            }
        }
        assertThat(grand).isEqualTo(apiTotal);
        assertThat(sumOfRows).isEqualTo(apiTotal);
        assertThat(sumOfCommunes).isEqualTo(apiTotal);
        assertThat(byHousehold).isEqualTo(apiByHousehold);
        assertThat(communes).contains("Cộng Phường Vĩnh Yên", "Cộng Phường Vĩnh Phúc");

        // One commune's list: only its households, its total.
        List<List<String>> vinhPhuc = rows(Http.as(education, () -> Http.download(url(
                "/api/v1/entitlements/payment-list.xlsx?department=EDUCATION&period=2025-Q4&unitCode=08716"))));
        assertThat(vinhPhuc).anySatisfy(r -> assertThat(r).contains(inVinhPhuc))
                .noneSatisfy(r -> assertThat(r).contains(inVinhYen));
    }

    @Test
    void anotherDepartmentsOfficerIsRefusedAndBadInputIsNamed() {
        String bank = TestTokens.departmentOfficer("SOCIAL_POLICY_BANK");
        Http.Response refused = Http.as(bank,
                () -> Http.get(url("/api/v1/entitlements/payment-list.xlsx?department=EDUCATION&period=2025-Q4")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("EDUCATION");
        assertThat(Http.as(bank, () -> Http.get(url("/api/v1/entitlements?department=EDUCATION&period=2025-Q4")))
                .status()).isEqualTo(403);
        // A ward officer acts for one ward: the department's whole list is not theirs.
        assertThat(Http.as(TestTokens.role("WARD_OFFICER", "08707"), () -> Http.get(url(
                "/api/v1/entitlements/payment-list.xlsx?department=EDUCATION&period=2025-Q4"))).status())
                .isEqualTo(403);

        String education = TestTokens.departmentOfficer("EDUCATION");
        Http.Response badPeriod = Http.as(education, () -> Http.get(url(
                "/api/v1/entitlements/payment-list.xlsx?department=EDUCATION&period=2025-Q5")));
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.json().get("errors").toString()).contains("period").contains("2025-Q5");
        Http.Response noPeriod = Http.as(education, () -> Http.get(url(
                "/api/v1/entitlements/payment-list.xlsx?department=EDUCATION")));
        assertThat(noPeriod.status()).isEqualTo(400);
        assertThat(noPeriod.json().get("errors").toString()).contains("period");
        Http.Response noDepartment = Http.get(url("/api/v1/entitlements/payment-list.xlsx?period=2025"));
        assertThat(noDepartment.status()).isEqualTo(400);
        assertThat(noDepartment.json().get("errors").toString()).contains("department");
        Http.Response badUnit = Http.get(url(
                "/api/v1/entitlements/payment-list.xlsx?department=EDUCATION&period=2025&unitCode=8707"));
        assertThat(badUnit.status()).isEqualTo(400);
        assertThat(badUnit.json().get("errors").toString()).contains("unitCode");
    }
}
