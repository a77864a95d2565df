package vn.giamngheo.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.contracts.household.HouseholdClass.ABOVE;
import static vn.giamngheo.contracts.household.HouseholdClass.MIDDLE;
import static vn.giamngheo.contracts.household.HouseholdClass.NEAR_POOR;
import static vn.giamngheo.contracts.household.HouseholdClass.POOR;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.reporting.areas.Area;
import vn.giamngheo.reporting.areas.Areas;
import vn.giamngheo.reporting.facts.FactIndex;
import vn.giamngheo.reporting.facts.HouseholdTimeline;
import vn.giamngheo.reporting.figures.FigureCalculator;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;

/**
 * A known data set in three of Vĩnh Yên's 2022 wards, sent through the broker as the other services send it, and the
 * figures, plan progress, official reports and reconciliation computed from it. The data set owns the year 2022 (the
 * other reporting tests work on today's date), so its totals are exact.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingFiguresIT {

    static final LocalDate BASELINE = LocalDate.parse("2021-12-15");
    static final LocalDate MID_YEAR = LocalDate.parse("2022-06-20");
    static final LocalDate YEAR_END_REVIEW = LocalDate.parse("2022-12-05");

    /** The statistics office's households for the nine 2022 wards (685 in all), for 2021 and 2022. */
    static final String STATISTICS = """
            year,unitCode,households,population,officers
            2021,08707,100,350,1
            2021,08710,40,140,1
            2021,08713,25,90,1
            2021,08716,100,350,1
            2021,08719,100,350,1
            2021,08722,100,350,1
            2021,08725,100,350,1
            2021,08728,100,350,1
            2021,08731,20,70,1
            2022,08707,100,350,1
            2022,08710,40,140,1
            2022,08713,25,90,1
            2022,08716,100,350,1
            2022,08719,100,350,1
            2022,08722,100,350,1
            2022,08725,100,350,1
            2022,08728,100,350,1
            2022,08731,20,70,1
            """;

    @LocalServerPort
    int port;

    @Autowired
    FigureCalculator calculator;

    @Autowired
    FactIndex index;

    @Autowired
    Areas areas;

    JsonNode midYearBeforeTheYearEndReview;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    JsonNode figures(String area, String asOf) {
        return Http.get(url("/api/v1/areas/" + area + "/figures?asOf=" + asOf)).expectStatus(200).json();
    }

    long count(String area, String asOf, String klass) {
        return figures(area, asOf).get("households").get(klass).asLong();
    }

    @BeforeAll
    void sendTheDataSet() {
        Http.post(url("/api/v1/statistics"), "text/csv", STATISTICS).expectStatus(200);
        Http.put(url("/api/v1/training/courses/tap-huan-2022"), """
                {"title":"Tập huấn nghiệp vụ giảm nghèo 2022","organiser":"243","startDate":"2022-10-10",
                 "endDate":"2022-10-11","attendees":[{"officerId":"cb-08710","unitCode":"08710"},
                 {"officerId":"cb-08713","unitCode":"08713"},{"officerId":"cb-ldtbxh-1","unitCode":"243"}]}
                """).expectStatus(200);

        // Until the middle of 2022: the baseline review and one monthly review.
        Households h1 = Households.in("08710", "1975-02-01", "1978-05-05", "2012-09-01").registered(LocalDate.parse("2021-11-20"))
                .decided(BASELINE, POOR, Transition.INITIAL, "HEALTH_INSURANCE", "HOUSING_AREA", "SANITATION");
        Households h2 = Households.in("08710", "1960-01-01", "1962-01-01", "1990-01-01", "1992-01-01")
                .registered(LocalDate.parse("2021-11-20"))
                .decided(BASELINE, POOR, Transition.INITIAL, "EMPLOYMENT", "NUTRITION", "HOUSING_QUALITY");
        Households h3 = Households.in("08710", "1950-03-03", "1952-04-04").registered(LocalDate.parse("2021-11-20"))
                .decided(BASELINE, NEAR_POOR, Transition.INITIAL, "TELECOM");
        Households h4 = Households.in("08713", "1970-01-01", "1972-01-01", "1995-01-01", "1998-01-01", "2000-01-01")
                .registered(LocalDate.parse("2021-11-20"))
                .decided(BASELINE, NEAR_POOR, Transition.INITIAL, "DRINKING_WATER");
        Households h5 = Households.in("08713", "1980-01-01", "1982-01-01", "2012-03-01")
                .registered(LocalDate.parse("2021-11-20"))
                .decided(BASELINE, MIDDLE, Transition.INITIAL)
                .decided(MID_YEAR, POOR, Transition.NEWLY_POOR, "EMPLOYMENT", "DEPENDANTS", "HEALTH_INSURANCE");
        Households h6 = Households.in("08731", "1965-01-01", "1967-01-01", "1991-01-01", "1993-01-01")
                .registered(LocalDate.parse("2021-11-20"))
                .decided(BASELINE, POOR, Transition.INITIAL, "HOUSING_QUALITY", "HOUSING_AREA", "DRINKING_WATER");
        Households.in("08731", "1985-01-01", "1987-01-01", "2015-01-01").registered(LocalDate.parse("2021-11-20"))
                .decided(BASELINE, ABOVE, Transition.INITIAL);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> count("243", "2022-06-30", "POOR") == 4 && count("243", "2022-06-30", "NEAR_POOR") == 2);
        midYearBeforeTheYearEndReview = figures("243", "2022-06-30");

        // The rest of 2022: benefits, a removal and the end-of-year review.
        h5.cardIssued(0, LocalDate.parse("2022-07-01"), LocalDate.parse("2022-12-31"))
                .cardIssued(1, LocalDate.parse("2022-07-01"), LocalDate.parse("2022-12-31"))
                .studySupport(2, LocalDate.parse("2022-07-01"))
                .loan(LocalDate.parse("2022-07-05"), LocalDate.parse("2022-07-20"));
        h6.removed(LocalDate.parse("2022-09-01"));
        h1.decided(YEAR_END_REVIEW, NEAR_POOR, Transition.ESCAPED_POVERTY, "SANITATION");
        h2.decided(YEAR_END_REVIEW, ABOVE, Transition.ESCAPED_POVERTY);
        h3.decided(YEAR_END_REVIEW, POOR, Transition.NEAR_POOR_TO_POOR, "TELECOM", "HEALTH_INSURANCE", "SANITATION")
                .cardIssued(0, LocalDate.parse("2022-12-10"), LocalDate.parse("2023-12-31"))
                .loan(LocalDate.parse("2022-12-20"), null);
        h4.decided(YEAR_END_REVIEW, MIDDLE, Transition.ESCAPED_NEAR_POVERTY);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode f = figures("243", "2022-12-31");
            return f.get("households").get("POOR").asLong() == 2 && f.get("households").get("NEAR_POOR").asLong() == 1
                    && f.get("healthInsurance").get("covered").asLong() == 3 && f.get("loans").get("eligible").asLong() == 2;
        });
    }

    @Test
    void theCityAtTheEndOf2022() {
        JsonNode f = figures("243", "2022-12-31");

        assertThat(f.get("areaName").asString()).isEqualTo("Thành phố Vĩnh Yên");
        assertThat(f.get("households").get("POOR").asLong()).isEqualTo(2);
        assertThat(f.get("households").get("NEAR_POOR").asLong()).isEqualTo(1);
        assertThat(f.get("households").get("MIDDLE").asLong()).isEqualTo(1);
        assertThat(f.get("households").get("ABOVE").asLong()).isEqualTo(2);
        assertThat(f.get("peopleInPoorHouseholds").asLong()).isEqualTo(5);
        assertThat(f.get("peopleInNearPoorHouseholds").asLong()).isEqualTo(3);
        assertThat(f.get("denominator").get("households").asLong()).isEqualTo(685);
        assertThat(f.get("poorRate").decimalValue()).isEqualByComparingTo("0.29");
        assertThat(f.get("nearPoorRate").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(f.get("deprivations").get("HEALTH_INSURANCE").get("poor").asLong()).isEqualTo(2);
        assertThat(f.get("deprivations").get("SANITATION").get("poor").asLong()).isEqualTo(1);
        assertThat(f.get("deprivations").get("SANITATION").get("nearPoor").asLong()).isEqualTo(1);
        assertThat(f.get("deprivations").has("HOUSING_AREA")).isFalse();
        // Eight people aged 6 or more in poor and near-poor households, three with a card valid on 31/12.
        assertThat(f.get("healthInsurance").get("eligible").asLong()).isEqualTo(8);
        assertThat(f.get("healthInsurance").get("percent").decimalValue()).isEqualByComparingTo("37.50");
        assertThat(f.get("educationSupport").get("percent").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(f.get("loans").get("covered").asLong()).isEqualTo(1);
        assertThat(f.get("officersTrained").get("covered").asLong()).isEqualTo(3);
        assertThat(f.get("officersTrained").get("eligible").asLong()).isEqualTo(9);
    }

    @Test
    void aWardOnItsOwnAndTheBaseline() {
        JsonNode lienBao = figures("08710", "2022-12-31");
        assertThat(lienBao.get("areaName").asString()).isEqualTo("Phường Liên Bảo");
        assertThat(lienBao.get("households").get("POOR").asLong()).isEqualTo(1);
        assertThat(lienBao.get("poorRate").decimalValue()).isEqualByComparingTo("2.50");

        JsonNode start = figures("243", "2021-12-31");
        assertThat(start.get("households").get("POOR").asLong()).isEqualTo(3);
        assertThat(start.get("households").get("NEAR_POOR").asLong()).isEqualTo(2);
        assertThat(start.get("poorRate").decimalValue()).isEqualByComparingTo("0.44");
        // Before the first decision nothing of the data set existed.
        assertThat(figures("08731", "2021-06-30").get("households").get("POOR").asLong()).isZero();
    }

    @Test
    void theDashboardsTrendOf2022() {
        JsonNode trend = Http.get(url("/api/v1/dashboard?area=243&year=2022")).expectStatus(200).json().get("trend");
        assertThat(trend.size()).isEqualTo(12);
        assertThat(trend.get(5).get("date").asString()).isEqualTo("2022-06-30");
        assertThat(trend.get(5).get("poor").asLong()).isEqualTo(4);
        assertThat(trend.get(11).get("poor").asLong()).isEqualTo(2);
        assertThat(trend.get(11).get("nearPoor").asLong()).isEqualTo(1);
        assertThat(Http.get(url("/api/v1/dashboard?year=2019")).status()).isEqualTo(400);
    }

    @Test
    void figuresKeptHouseholdByHouseholdEqualTheFullComputation() {
        List<HouseholdTimeline> households = new ArrayList<>(index.timelines());
        for (LocalDate day : List.of(BASELINE.plusDays(20), MID_YEAR, YEAR_END_REVIEW.plusDays(1), LocalDate.now())) {
            List<Area> all = new ArrayList<>(areas.inForceOn(day));
            all.add(areas.resolve("243", day));
            // As the live streams get them: one household at a time, from nothing, each household more than once
            // (a later fact replaces what its household contributed).
            FigureCalculator.Running running = calculator.over(new FactIndex(areas)).running(day);
            households.forEach(running::update);
            households.reversed().forEach(running::update);
            assertThat(running.of(all)).as("figures on %s", day).isEqualTo(calculator.of(all, day));
        }
    }

    @Test
    void aFigureAskedForAsOfAnEarlierDateIsWhatItWasOnThatDate() {
        assertThat(figures("243", "2022-06-30")).isEqualTo(midYearBeforeTheYearEndReview);
        assertThat(midYearBeforeTheYearEndReview.get("households").get("POOR").asLong()).isEqualTo(4);
    }

    @Test
    void theOldWardsRollUpIntoTheMergedOnesAndAFormerWardKeepsItsHouseholds() {
        // Phường Vĩnh Phúc (08716 from 2025-07-01) did not exist in 2022: its territory then was five wards,
        // Liên Bảo among them.
        JsonNode vinhPhuc = figures("08716@2025-07-01", "2022-12-31");
        assertThat(vinhPhuc.get("areaName").asString()).isEqualTo("Phường Vĩnh Phúc");
        assertThat(vinhPhuc.get("households").get("POOR").asLong()).isEqualTo(1);
        assertThat(vinhPhuc.get("households").get("NEAR_POOR").asLong()).isEqualTo(1);
        JsonNode vinhYen = figures("08707@2025-07-01", "2022-12-31");
        assertThat(vinhYen.get("households").get("POOR").asLong()).isEqualTo(1);
        // The code 08716 meant Phường Đống Đa in 2022, which had none of the data set.
        assertThat(figures("08716", "2022-12-31").get("areaName").asString()).isEqualTo("Phường Đống Đa");
        // Liên Bảo no longer exists in 2026; its households are still its households.
        JsonNode lienBao2026 = figures("08710", LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString());
        assertThat(lienBao2026.get("areaName").asString()).isEqualTo("Phường Liên Bảo");
        assertThat(lienBao2026.get("households").get("POOR").asLong()).isEqualTo(1);

        JsonNode table = Http.get(url("/api/v1/areas/243/units?asOf=2022-12-31")).expectStatus(200).json();
        assertThat(table.get("units").size()).isEqualTo(9);
        long poorInRows = 0;
        for (JsonNode row : table.get("units")) {
            poorInRows += row.get("households").get("POOR").asLong();
        }
        assertThat(poorInRows).isEqualTo(table.get("total").get("households").get("POOR").asLong());
    }

    @Test
    void theYearsChangesBalance() {
        JsonNode c = Http.get(url("/api/v1/areas/243/changes?from=2022-01-01&to=2022-12-31")).expectStatus(200)
                .json().get("changes");
        assertThat(c.get("transitions").get("ESCAPED_POVERTY").asLong()).isEqualTo(2);
        assertThat(c.get("escapedToNearPoor").asLong()).isEqualTo(1);
        assertThat(c.get("escapedAbove").asLong()).isEqualTo(1);
        assertThat(c.get("transitions").get("NEWLY_POOR").asLong()).isEqualTo(1);
        assertThat(c.get("transitions").get("NEAR_POOR_TO_POOR").asLong()).isEqualTo(1);
        assertThat(c.get("transitions").get("ESCAPED_NEAR_POVERTY").asLong()).isEqualTo(1);
        assertThat(c.get("removedPoor").asLong()).isEqualTo(1);
        // start 3 + into 2 − out 2 − removed 1 = end 2
        assertThat(3 + c.get("intoPoor").asLong() - c.get("outOfPoor").asLong() - c.get("removedPoor").asLong())
                .isEqualTo(2);
    }

    @Test
    void thePlanOf2022MissedItsTargetsAndWasAtRiskAtMidYear() {
        JsonNode year = Http.get(url("/api/v1/plans/vinh-yen-2022/progress?asOf=2022-12-31")).expectStatus(200).json();
        JsonNode poor = target(year, "POOR_HOUSEHOLDS");
        assertThat(poor.get("baseline").asLong()).isEqualTo(3);
        assertThat(poor.get("current").asLong()).isEqualTo(2);
        assertThat(poor.get("achieved").asLong()).isEqualTo(1);
        assertThat(poor.get("targetMin").asLong()).isEqualTo(85);
        assertThat(poor.get("status").asString()).isEqualTo("MISSED");
        assertThat(target(year, "POOR_RATE").get("achieved").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(target(year, "HEALTH_INSURANCE_COVERAGE").get("status").asString()).isEqualTo("MISSED");

        JsonNode half = Http.get(url("/api/v1/plans/vinh-yen-2022/progress?asOf=2022-06-30")).expectStatus(200).json();
        assertThat(target(half, "POOR_HOUSEHOLDS").get("current").asLong()).isEqualTo(4);
        assertThat(target(half, "POOR_HOUSEHOLDS").get("status").asString()).isEqualTo("AT_RISK");
        assertThat(target(half, "POOR_HOUSEHOLDS").get("projected").decimalValue()).isGreaterThan(
                java.math.BigDecimal.valueOf(4));
    }

    private static JsonNode target(JsonNode progress, String indicator) {
        for (JsonNode t : progress.get("targets")) {
            if (t.get("indicator").asString().equals(indicator)) {
                return t;
            }
        }
        throw new AssertionError("no target " + indicator + " in " + progress);
    }

    private Sheet sheet(String path, int index) throws Exception {
        byte[] bytes = Http.download(url(path));
        XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        return book.getSheetAt(index);
    }

    private static Row rowStartingWith(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).toString().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static double n(Row row, int column) {
        return row.getCell(column).getNumericCellValue();
    }

    @Test
    void theReviewSummaryWorkbookHasTheYearsTotals() throws Exception {
        Sheet sheet = sheet("/api/v1/reports/review-summary.xlsx?area=243&from=2022-01-01&to=2022-12-31", 0);
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("THÀNH PHỐ VĨNH YÊN");
        Row total = rowStartingWith(sheet, "Tổng cộng");
        assertThat(n(total, 1)).isEqualTo(685);   // households (statistics)
        assertThat(n(total, 2)).isEqualTo(3);     // poor at start
        assertThat(n(total, 4)).isEqualTo(2);     // escaped poverty
        assertThat(n(total, 5)).isEqualTo(1);     // … of which became near-poor
        assertThat(n(total, 7)).isEqualTo(1);     // newly poor
        assertThat(n(total, 9)).isEqualTo(1);     // from near-poor
        assertThat(n(total, 11)).isEqualTo(-1);   // other: the household that moved away
        assertThat(n(total, 12)).isEqualTo(2);    // poor at end
        assertThat(n(total, 13)).isEqualTo(0.29);
        assertThat(n(total, 14)).isEqualTo(2);    // near-poor at start
        assertThat(n(total, 17)).isEqualTo(1);    // near-poor who became poor
        assertThat(n(total, 19)).isEqualTo(0);    // no other change among the near-poor
        assertThat(n(total, 20)).isEqualTo(1);    // near-poor at end
        Row lienBao = rowStartingWith(sheet, "Phường Liên Bảo");
        assertThat(n(lienBao, 2)).isEqualTo(2);
        assertThat(n(lienBao, 12)).isEqualTo(1);
    }

    @Test
    void theDeprivationWorkbookCountsEachIndicator() throws Exception {
        Sheet sheet = sheet("/api/v1/reports/deprivations.xlsx?area=243&asOf=2022-12-31", 0);
        Row insurance = null;
        for (Row row : sheet) {
            if (row.getCell(1) != null && row.getCell(1).toString().equals("Bảo hiểm y tế")) {
                insurance = row;
            }
        }
        assertThat(insurance).isNotNull();
        assertThat(insurance.getCell(0).getStringCellValue()).isEqualTo("Y tế");
        assertThat(n(insurance, 2)).isEqualTo(2);
        assertThat(n(insurance, 3)).isEqualTo(100.0);
        Row total = rowStartingWith(sheet, "Tổng số hộ");
        assertThat(n(total, 2)).isEqualTo(2);
        assertThat(n(total, 4)).isEqualTo(1);
    }

    @Test
    void theProgressReportsForSixMonthsAndTheYear() throws Exception {
        Sheet year = sheet("/api/v1/reports/progress.xlsx?plan=vinh-yen-2022&period=YEAR", 0);
        Row poor = rowStartingWith(year, "Số hộ nghèo");
        assertThat(n(poor, 2)).isEqualTo(85);
        assertThat(n(poor, 4)).isEqualTo(3);
        assertThat(n(poor, 5)).isEqualTo(2);
        assertThat(poor.getCell(9).getStringCellValue()).isEqualTo("Không đạt");
        Sheet half = sheet("/api/v1/reports/progress.xlsx?plan=vinh-yen-2022&period=H1", 0);
        assertThat(half.getRow(0).getCell(0).getStringCellValue()).contains("6 THÁNG ĐẦU NĂM 2022");
        assertThat(n(rowStartingWith(half, "Số hộ nghèo"), 5)).isEqualTo(4);
        Sheet units = sheet("/api/v1/reports/progress.xlsx?plan=vinh-yen-2022&period=YEAR", 1);
        assertThat(n(rowStartingWith(units, "Tổng cộng"), 3)).isEqualTo(1);
    }

    @Test
    void rebuildingFromTheTopicsGivesTheSameFigures() {
        // Other test classes share the broker: wait until the live consumers have caught up with everything.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode result = Http.post(url("/api/v1/reconciliation"), "{}").expectStatus(200).json();
            assertThat(result.get("eventsRead").asLong()).isGreaterThan(30);
            assertThat(result.get("householdsRebuilt").asLong()).isEqualTo(result.get("householdsLive").asLong());
            assertThat(result.get("differences")).isEmpty();
            assertThat(result.get("differenceCount").asLong()).isZero();
            assertThat(result.get("sameCut").asBoolean()).isTrue();
        });
    }

    @Test
    void badInputIsRefusedWithTheFieldAndChangesNothing() {
        Http.Response unknown = Http.get(url("/api/v1/areas/99999/figures"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("99999");
        Http.Response early = Http.get(url("/api/v1/areas/243/figures?asOf=2020-12-31"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("asOf").contains("2021-01-01");
        assertThat(Http.get(url("/api/v1/areas/243/figures?asOf=2999-01-01")).status()).isEqualTo(400);
        assertThat(Http.get(url("/api/v1/areas/243/figures?asOf=31/12/2022")).status()).isEqualTo(400);

        String statisticsBefore = Http.get(url("/api/v1/statistics")).expectStatus(200).body();
        Http.Response csv = Http.post(url("/api/v1/statistics"), "text/csv", """
                year,unitCode,households,population
                2022,08710,999,3000
                2022,08710,abc,3000
                2022,99999,10,20
                """);
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.body()).contains("line 3: households").contains("line 4: unitCode");
        Http.Response header = Http.post(url("/api/v1/statistics"), "text/csv", "nam,ma,so ho\n2022,08710,5\n");
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.body()).contains("year");
        // A quote left open on line 3, and a file separated by semicolons: refused whole, the line and problem named.
        Http.Response quote = Http.post(url("/api/v1/statistics"), "text/csv", """
                year,unitCode,households,population
                2022,08710,999,3000
                2022,"08713,25,90
                """);
        assertThat(quote.status()).isEqualTo(400);
        assertThat(quote.json().get("errors").get(0).get("field").asString()).isEqualTo("line 3");
        assertThat(quote.json().get("errors").get(0).get("reason").asString()).startsWith("unterminated quote");
        Http.Response semicolons = Http.post(url("/api/v1/statistics"), "text/csv", """
                year;unitCode;households;population
                2022;08710;999;3000
                """);
        assertThat(semicolons.status()).isEqualTo(400);
        assertThat(semicolons.body()).contains("line 1").contains("separated by commas; this line uses ';'");
        assertThat(Http.get(url("/api/v1/statistics")).body()).isEqualTo(statisticsBefore);

        String plansBefore = Http.get(url("/api/v1/plans")).expectStatus(200).body();
        Http.Response plan = Http.put(url("/api/v1/plans/thu-nghiem"), """
                {"title":"Thử","area":"243","year":2022,"targets":[{"indicator":"HAPPINESS","min":10}]}
                """);
        assertThat(plan.status()).isEqualTo(400);
        assertThat(plan.body()).contains("targets[0].indicator").contains("HAPPINESS");
        Http.Response area = Http.put(url("/api/v1/plans/thu-nghiem"), """
                {"title":"Thử","area":"99999","year":2022,"targets":[{"indicator":"POOR_HOUSEHOLDS","min":10}]}
                """);
        assertThat(area.status()).isEqualTo(400);
        assertThat(area.body()).contains("area");
        assertThat(Http.get(url("/api/v1/plans")).body()).isEqualTo(plansBefore);
        assertThat(Http.get(url("/api/v1/plans/thu-nghiem")).status()).isEqualTo(404);
    }
}
