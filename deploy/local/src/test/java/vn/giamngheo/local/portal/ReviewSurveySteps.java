package vn.giamngheo.local.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The survey side of the annual review in the portal (issue 23, PORTAL-A), as steps a journey composes, each taking the
 * signed-in {@link PortalBrowser}: open the round, a request at the counter, an online request verified, a survey by
 * form (a draft, then done, with the live class), the Excel way with one bad row, the province board. Every page is
 * checked with axe-core and photographed (names starting "a"). What the pages did is checked behind them through
 * household-service's API with the demo administrator's token.
 */
public final class ReviewSurveySteps {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final PortalPlatform platform;
    private final String portal;
    /** Screenshots of these steps start with this prefix, so that two journeys' names do not mix. */
    private final String prefix;

    public ReviewSurveySteps(PortalPlatform platform, String prefix) {
        this.platform = platform;
        this.portal = platform.portal();
        this.prefix = prefix;
    }

    /** The year of the annual review the journeys run: this year from 20 November, last year before. */
    public static int reviewYear() {
        LocalDate today = LocalDate.now(VIETNAM);
        return MonthDay.from(today).isBefore(MonthDay.of(11, 20)) ? today.getYear() - 1 : today.getYear();
    }

    /** The reference date of that review: 1 November of its year (inside 1 Sep–14 Dec, not after today). */
    public static LocalDate referenceDate() {
        return LocalDate.of(reviewYear(), 11, 1);
    }

    // ---- the round ----

    /**
     * Opens the commune's annual round of {@link #reviewYear()} from "Rà soát" (the one already open when an earlier
     * run opened it), after a reference date that does not exist was refused beside its field; returns its id.
     */
    public String openRound(PortalBrowser officer) {
        officer.open("/");
        officer.driver.findElement(By.linkText("Rà soát hộ nghèo, hộ cận nghèo")).click();
        officer.waitFor(By.id("mo-ky"));
        officer.check(prefix + "01-ra-soat");
        String label = "Rà soát định kỳ — " + TYPED.format(referenceDate());
        List<WebElement> existing = officer.driver.findElements(By.linkText(label));
        if (existing.isEmpty()) {
            type(officer, "referenceDate", "31/11/" + reviewYear(), true);
            officer.driver.findElement(By.id("kind")).click();
            submit(officer, "main form.registry-form .actions button.button");
            officer.waitFor(By.id("referenceDate-error"));
            assertThat(officer.driver.findElement(By.id("referenceDate-error")).getText())
                    .contains("“31/11/" + reviewYear() + "” không phải một ngày có thật");
            officer.check(prefix + "02-mo-ky-loi-ngay");
            type(officer, "referenceDate", TYPED.format(referenceDate()), true);
            submit(officer, "main form.registry-form .actions button.button");
            officer.waitFor(By.id("da-luu"));
        } else {
            existing.getFirst().click();
            officer.waitFor(By.id("buoc-tiep"));
        }
        assertThat(officer.heading()).startsWith("Rà soát định kỳ năm " + reviewYear());
        assertThat(officer.text()).contains("Các bước", "Khảo sát hộ (phiếu B)", "Họp dân", "Niêm yết",
                "Quyết định công nhận", "Chủ tịch chưa thể ký quyết định vì");
        officer.check(prefix + "03-ky-ra-soat");
        String url = officer.driver.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    // ---- requests ----

    /**
     * Enters a Form 01 at the counter for the household found by {@code search} (a day that does not exist refused
     * first); returns the household's id.
     */
    public String enterCounterRequest(PortalBrowser officer, String search) {
        officer.open("/ra-soat/de-nghi");
        officer.waitFor(By.tagName("h1"));
        officer.check(prefix + "04-don-de-nghi");
        officer.driver.findElement(By.linkText("Nhận đơn tại bộ phận một cửa")).click();
        officer.waitFor(By.id("q"));
        type(officer, "q", search, true);
        officer.driver.findElement(By.cssSelector("form.search-form button[type=submit]")).click();
        officer.waitFor(By.id("householdId"));
        WebElement first = officer.driver.findElement(By.id("householdId"));
        String householdId = first.getDomProperty("value");
        first.click();
        officer.driver.findElement(By.id("form")).click();
        type(officer, "receivedOn", "30/02/" + LocalDate.now(VIETNAM).getYear(), true);
        submit(officer, "main form.registry-form .actions button.button");
        officer.waitFor(By.id("receivedOn-error"));
        assertThat(officer.driver.getTitle()).startsWith("Lỗi:");
        officer.check(prefix + "05-nhan-don-loi-ngay");
        type(officer, "receivedOn", TYPED.format(LocalDate.now(VIETNAM)), true);
        submit(officer, "main form.registry-form .actions button.button");
        officer.waitFor(By.id("da-luu"));
        assertThat(officer.driver.findElement(By.id("da-luu")).getText()).contains("Đã ghi nhận đơn Mẫu 01");
        officer.check(prefix + "06-don-da-ghi");
        return householdId;
    }

    /**
     * The head of {@code householdId} asks online (contract S1, as the self-assessment page sends it); the officer
     * verifies it in the queue, where it comes first with the household its citizen id suggests. Returns the
     * household's id.
     */
    public String verifyOnlineRequest(PortalBrowser officer, String unitCode, String householdId) throws Exception {
        JsonNode household = get("/api/v1/households/" + URLEncoder.encode(householdId, StandardCharsets.UTF_8));
        JsonNode head = null;
        for (JsonNode m : household.get("members")) {
            if (m.path("status").asString().equals("ACTIVE") && !m.path("citizenId").isNull()
                    && !m.path("citizenId").asString().isEmpty()) {
                head = m;
                break;
            }
        }
        String body = JSON.writeValueAsString(Map.of("unitCode", unitCode, "village",
                household.get("village").asString(), "headName", head.get("fullName").asString(), "citizenId",
                head.get("citizenId").asString(), "form", "FORM_01", "consent", true));
        HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(api("/api/v1/review-requests/online"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String receipt = JSON.readTree(sent.body()).get("receiptNumber").asString();

        officer.open("/ra-soat/de-nghi");
        officer.waitFor(By.tagName("h1"));
        WebElement row = officer.driver.findElement(By.xpath("//tr[td[normalize-space()='" + receipt + "']]"));
        row.findElement(By.linkText("Xác minh")).click();
        officer.waitFor(By.id("decision"));
        assertThat(officer.heading()).contains(receipt);
        WebElement suggested = officer.driver.findElement(By.id("householdId"));
        assertThat(suggested.getDomProperty("value")).isEqualTo(household.get("id").asString());
        assertThat(suggested.isSelected()).as("the suggested household is chosen").isTrue();
        officer.check(prefix + "07-xac-minh-don");
        officer.driver.findElement(By.id("decision")).click();
        submit(officer, "main form.registry-form .actions button.button");
        officer.waitFor(By.id("da-luu"));
        assertThat(officer.driver.findElement(By.id("da-luu")).getText()).contains("Đã nhận đơn trực tuyến");
        assertThat(officer.driver.findElements(By.xpath("//td[normalize-space()='" + receipt + "']"))).isEmpty();
        return household.get("id").asString();
    }

    // ---- surveys by form ----

    /** A survey's answers as the steps type them: income, and which of three indicators the household lacks. */
    public record Answers(String incomeMode, long income, Set<String> deprived) {

        public static Answers annual(long income, String... deprived) {
            return new Answers("ANNUAL", income, Set.of(deprived));
        }

        public static Answers monthly(long income, String... deprived) {
            return new Answers("MONTHLY", income, Set.of(deprived));
        }
    }

    /** The indicators the steps can make a household lack (one answer each). */
    public static final List<String> INDICATORS = List.of("HEALTH_INSURANCE", "DRINKING_WATER", "SANITATION");

    /** The list to survey of the round, checked as a page; the household ids on it, in order. */
    public List<String> listToSurvey(PortalBrowser officer, String roundId) {
        officer.open("/ra-soat/" + roundId + "/phieu");
        officer.waitFor(By.id("danh-sach"));
        officer.check(prefix + "08-danh-sach-khao-sat");
        List<String> ids = new ArrayList<>();
        for (WebElement link : officer.driver.findElements(By.cssSelector("#danh-sach tbody td:first-child a"))) {
            String href = link.getDomAttribute("href");
            ids.add(href.substring(href.lastIndexOf('/') + 1));
        }
        return ids;
    }

    /**
     * Types {@code answers} into the household's survey form (two adult members answered in the first two rows, the
     * other rows emptied; a dwelling of 60 m², durable, piped water, septic latrine, internet, a television) and waits
     * for the live class; returns it as the box shows it (POOR, NEAR_POOR…).
     */
    public String fillSurvey(PortalBrowser officer, String roundId, String householdId, Answers answers) {
        officer.open("/ra-soat/" + roundId + "/phieu/" + householdId);
        officer.waitFor(By.id("phieu"));
        typeAnswers(officer, answers);
        return liveClass(officer);
    }

    /**
     * Types {@code answers} into the survey fields of the page open (the survey form, or an upheld complaint's
     * corrected answers), as {@link #fillSurvey} describes.
     */
    public void typeAnswers(PortalBrowser officer, Answers answers) {
        if (answers.incomeMode().equals("MONTHLY")) {
            officer.driver.findElement(By.id("incomeMode-MONTHLY")).click();
            type(officer, "annualIncomeVnd", "", true);
            type(officer, "monthlyIncomePerCapitaVnd", String.valueOf(answers.income()), true);
        } else {
            officer.driver.findElement(By.id("incomeMode")).click();
            type(officer, "monthlyIncomePerCapitaVnd", "", true);
            type(officer, "annualIncomeVnd", String.valueOf(answers.income()), true);
        }
        int rows = officer.driver.findElements(By.cssSelector("fieldset.member-row")).size();
        for (int row = 0; row < rows; row++) {
            if (row < 2) {
                type(officer, "members-" + row + "-dateOfBirth", row == 0 ? "15/05/1985" : "20/08/1988", true);
                select(officer, "members-" + row + "-employment", "WAGE_WITH_CONTRACT");
                select(officer, "members-" + row + "-unableToWork", "false");
                select(officer, "members-" + row + "-malnourished", "false");
                select(officer, "members-" + row + "-hasHealthInsurance",
                        row == 0 && answers.deprived().contains("HEALTH_INSURANCE") ? "false" : "true");
                select(officer, "members-" + row + "-education", "UPPER_SECONDARY");
                select(officer, "members-" + row + "-attendingSchool", "false");
                select(officer, "members-" + row + "-receivesSocialAllowance", "false");
            } else {
                type(officer, "members-" + row + "-dateOfBirth", "", true);
                for (String field : List.of("employment", "unableToWork", "malnourished", "hasHealthInsurance",
                        "education", "attendingSchool", "receivesSocialAllowance")) {
                    select(officer, "members-" + row + "-" + field, "");
                }
            }
        }
        select(officer, "hasDwelling", "true");
        select(officer, "wallsDurable", "true");
        select(officer, "frameDurable", "true");
        select(officer, "roofDurable", "true");
        type(officer, "floorAreaM2", "60", true);
        select(officer, "waterSource", answers.deprived().contains("DRINKING_WATER") ? "SURFACE_WATER" : "PIPED");
        select(officer, "latrine", answers.deprived().contains("SANITATION") ? "UNHYGIENIC" : "SEPTIC");
        select(officer, "wasteHandling", "COLLECTED");
        select(officer, "usesTelecom", "true");
        select(officer, "usesInternet", "true");
        WebElement tv = officer.driver.findElement(By.id("informationMeans"));
        if (!tv.isSelected()) {
            tv.click();
        }
    }

    /** The class the live box shows once it has evaluated everything typed so far. */
    public String liveClass(PortalBrowser officer) {
        new WebDriverWait(officer.driver, Duration.ofSeconds(20)).until(d -> !d.findElements(
                By.cssSelector("#ket-qua-live[data-pending=false][data-state=evaluated] #ket-qua-lop")).isEmpty());
        return officer.driver.findElement(By.id("ket-qua-lop")).getDomAttribute("data-class");
    }

    /** "Lưu nháp": the draft is stored, the banner says so; returns the stored survey. */
    public JsonNode saveDraft(PortalBrowser officer, String roundId, String householdId) throws Exception {
        return save(officer, roundId, householdId, "draft", "Đã lưu nháp phiếu", "DRAFT");
    }

    /** "Hoàn thành": the survey is marked done; returns the stored survey. */
    public JsonNode complete(PortalBrowser officer, String roundId, String householdId) throws Exception {
        return save(officer, roundId, householdId, "done", "Đã hoàn thành phiếu", "SURVEYED");
    }

    private JsonNode save(PortalBrowser officer, String roundId, String householdId, String action, String banner,
            String status) throws Exception {
        officer.driver.findElement(By.cssSelector("button[name=action][value=" + action + "]")).click();
        officer.waitFor(By.id("da-luu"));
        assertThat(officer.driver.findElement(By.id("da-luu")).getText()).contains(banner);
        JsonNode survey = survey(roundId, householdId);
        assertThat(survey.get("status").asString()).isEqualTo(status);
        return survey;
    }

    /**
     * Surveys a household by form: a bad income first (its message beside the field, nothing stored, the rest kept),
     * then a draft with the answers so far, reopened with them, then marked done; the live class equals the recorded
     * one. Returns the recorded class.
     */
    public String saveDraftThenComplete(PortalBrowser officer, String roundId, String householdId, Answers answers)
            throws Exception {
        String live = fillSurvey(officer, roundId, householdId, answers);
        officer.check(prefix + "09-phieu-khao-sat");
        String typedIncome = answers.incomeMode().equals("MONTHLY") ? "monthlyIncomePerCapitaVnd" : "annualIncomeVnd";
        type(officer, typedIncome, "ba triệu", true);
        officer.driver.findElement(By.cssSelector("button[name=action][value=done]")).click();
        officer.waitFor(By.id(typedIncome + "-error"));
        assertThat(officer.driver.findElement(By.id(typedIncome + "-error")).getText()).contains("không phải một số");
        assertThat(officer.driver.findElement(By.id("floorAreaM2")).getDomProperty("value")).isEqualTo("60");
        officer.check(prefix + "10-phieu-loi-thu-nhap");
        type(officer, typedIncome, String.valueOf(answers.income()), true);
        saveDraft(officer, roundId, householdId);
        officer.open("/ra-soat/" + roundId + "/phieu/" + householdId);
        officer.waitFor(By.id("phieu"));
        assertThat(officer.driver.findElement(By.id("floorAreaM2")).getDomProperty("value"))
                .as("the draft reopens with its answers").isEqualTo("60");
        assertThat(officer.text()).contains("Phiếu nháp");
        JsonNode done = complete(officer, roundId, householdId);
        assertThat(done.get("classification").asString()).as("the live class is the service's").isEqualTo(live);
        officer.check(prefix + "11-phieu-hoan-thanh");
        return live;
    }

    /** The survey form at a phone's width. */
    public void surveyAtPhoneWidth(PortalBrowser officer, String roundId, String householdId) {
        officer.open("/ra-soat/" + roundId + "/phieu/" + householdId);
        officer.waitFor(By.id("phieu"));
        officer.atPhoneWidth(prefix + "12-phieu-360px");
    }

    // ---- surveys by Excel ----

    /** A row the officer adds to the survey sheet for a household of the commune not on the list. */
    public record SheetRow(String householdId, String headName, int memberCount, long annualIncomeVnd,
            Set<String> deprived) {
    }

    /**
     * Downloads the prefilled template through the portal, fills every household on it but those of
     * {@code leaveAlone} (30,000,000 a year, lacking sanitation), adds the rows {@code added} after them, writes an
     * income that is not a number in the last row and uploads it: the bad row is on the screen with its row, column and
     * reason, and the others are recorded (or unchanged on a second run). Returns the bad row's household, which is
     * still to survey.
     */
    public String surveyByExcelWithOneBadRow(PortalBrowser officer, String roundId, Set<String> leaveAlone,
            List<SheetRow> added) throws Exception {
        officer.open("/ra-soat/" + roundId + "/excel");
        officer.waitFor(By.id("file"));
        officer.check(prefix + "13-excel");
        byte[] template = download(officer, "/ra-soat/" + roundId + "/excel/mau");
        Path file = Files.createTempFile("phieu-ra-soat-", ".xlsx");
        int badRow;
        int good;
        String badHousehold;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheet("Phiếu rà soát");
            Map<String, Integer> columns = new HashMap<>();
            sheet.getRow(1).forEach(c -> columns.put(c.getStringCellValue(), c.getColumnIndex()));
            List<Row> rows = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getCell(columns.get("HOUSEHOLD_ID")) != null
                        && !leaveAlone.contains(row.getCell(columns.get("HOUSEHOLD_ID")).getStringCellValue())) {
                    rows.add(row);
                }
            }
            for (Row row : rows) {
                row.createCell(columns.get("ANNUAL_INCOME_VND")).setCellValue(30_000_000);
                row.createCell(columns.get("SANITATION")).setCellValue("x");
            }
            for (SheetRow answers : added) {
                Row row = sheet.createRow(sheet.getLastRowNum() + 1);
                row.createCell(columns.get("HOUSEHOLD_ID")).setCellValue(answers.householdId());
                row.createCell(columns.get("HEAD_NAME")).setCellValue(answers.headName());
                row.createCell(columns.get("MEMBER_COUNT")).setCellValue(answers.memberCount());
                row.createCell(columns.get("ANNUAL_INCOME_VND")).setCellValue(answers.annualIncomeVnd());
                answers.deprived().forEach(code -> row.createCell(columns.get(code)).setCellValue("x"));
                rows.add(row);
            }
            assertThat(rows.size()).as("households on the sheet to fill").isGreaterThanOrEqualTo(2);
            good = rows.size() - 1;
            Row bad = rows.getLast();
            bad.createCell(columns.get("ANNUAL_INCOME_VND")).setCellValue("ba mươi triệu");
            badRow = bad.getRowNum() + 1;
            badHousehold = bad.getCell(columns.get("HOUSEHOLD_ID")).getStringCellValue();
            workbook.write(out);
            Files.write(file, out.toByteArray());
        }
        officer.driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        submit(officer, "main form.registry-form .actions button.button");
        officer.waitFor(By.id("ket-qua"));
        Matcher counts = Pattern.compile("Đã ghi (\\d+) hộ, (\\d+) hộ không thay đổi, 1 dòng sai\\.")
                .matcher(officer.driver.findElement(By.id("so-dong")).getText());
        assertThat(counts.matches()).as(counts.toString()).isTrue();
        assertThat(Integer.parseInt(counts.group(1)) + Integer.parseInt(counts.group(2))).isEqualTo(good);
        WebElement rejected = officer.driver.findElement(By.cssSelector("#dong-sai tbody tr"));
        assertThat(rejected.findElement(By.cssSelector("td:nth-child(1)")).getText()).isEqualTo(String.valueOf(badRow));
        assertThat(rejected.findElement(By.cssSelector("td:nth-child(2)")).getText())
                .isEqualTo("Tổng thu nhập 12 tháng (đồng)");
        assertThat(rejected.findElement(By.cssSelector("td:nth-child(3)")).getText())
                .contains("không phải một số nguyên");
        officer.check(prefix + "14-excel-dong-sai");
        Files.deleteIfExists(file);
        return badHousehold;
    }

    // ---- the province ----

    /**
     * The Sở NN&MT's board: every commune of the province, totals, the filter on a status; opens the commune
     * {@code commune} ("Xã Tiền Phong (04891)"), whose round has that status.
     */
    public void provinceBoard(PortalBrowser so, String commune, String status) {
        LocalDate asOf = LocalDate.of(reviewYear(), 12, 14);
        so.open("/ra-soat/tinh?date=" + (asOf.isAfter(LocalDate.now(VIETNAM)) ? LocalDate.now(VIETNAM) : asOf));
        so.waitFor(By.id("cac-xa"));
        int communes = so.driver.findElements(By.cssSelector("#cac-xa tbody tr")).size();
        assertThat(communes).as("every commune and ward of Phú Thọ").isEqualTo(148);
        assertThat(so.text()).contains("Đang hiện 148 trong 148 xã, phường", commune);
        so.check(prefix + "15-tinh");
        new Select(so.driver.findElement(By.id("status"))).selectByValue(status);
        so.driver.findElement(By.cssSelector("form.search-form button[type=submit]")).click();
        so.waitFor(By.id("cac-xa"));
        assertThat(so.driver.findElements(By.cssSelector("#cac-xa tbody tr")).size()).isLessThan(148);
        so.driver.findElement(By.partialLinkText(commune)).click();
        so.waitFor(By.id("buoc-tiep"));
        assertThat(so.heading()).contains(commune.substring(0, commune.indexOf(" (")));
        so.check(prefix + "16-tinh-mo-ky");
    }

    // ---- behind the pages ----

    /** A household's recorded survey in the round, as household-service gives it. */
    public JsonNode survey(String roundId, String householdId) throws Exception {
        return get("/api/v1/review-rounds/" + roundId + "/surveys/" + householdId);
    }

    /** The round's list to survey (heads' names, classes in force, surveys), as household-service gives it. */
    public JsonNode households(String roundId) throws Exception {
        return get("/api/v1/review-rounds/" + roundId + "/households");
    }

    public JsonNode round(String roundId) throws Exception {
        return get("/api/v1/review-rounds/" + roundId);
    }

    /** The poverty and middle lines (per person a month) of {@code standard} for {@code area}, from its file. */
    public static long[] lines(String standard, String area) throws IOException {
        String yaml = Files.readString(PortalPlatform.repo().resolve("household-service/src/main/resources/standards/"
                + standard.toLowerCase(Locale.ROOT) + ".yaml"));
        String income = yaml.substring(yaml.indexOf("incomeLines:"), yaml.indexOf("classes:"));
        return new long[] {line(income.substring(income.indexOf("poverty:")), area),
                line(income.substring(income.indexOf("middle:")), area)};
    }

    private static long line(String block, String area) {
        Matcher m = Pattern.compile(area + ":\\s*([\\d_]+)").matcher(block);
        assertThat(m.find()).as("%s line in %s", area, block).isTrue();
        return Long.parseLong(m.group(1).replace("_", ""));
    }

    /**
     * Registers a household of one (its head, with {@code citizenId} when not null) in the commune's registry, as the
     * demo administrator (the registry, not the review); its id.
     */
    public String registerHousehold(String unitCode, String village, String head, String born, String citizenId)
            throws Exception {
        Map<String, String> member = new HashMap<>(Map.of("fullName", head, "dateOfBirth", born, "sex",
                head.contains(" Thị ") ? "FEMALE" : "MALE", "relationToHead", "HEAD"));
        if (citizenId != null) {
            member.put("citizenId", citizenId);
        }
        String body = JSON.writeValueAsString(Map.of("unitCode", unitCode, "village", village, "members",
                List.of(member)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api("/api/v1/households"))
                .header("Authorization", "Bearer " + platform.adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    /** The head's name of the first active household of {@code unitCode}, to search for it. */
    public String firstHeadName(String unitCode) throws Exception {
        JsonNode items = get("/api/v1/households?size=100&unitCode=" + unitCode).get("items");
        assertThat(items.size()).as("households in " + unitCode).isPositive();
        return items.get(0).get("headName").asString();
    }

    /** How many active members a household has in the registry. */
    public int activeMembers(String householdId) throws Exception {
        int n = 0;
        for (JsonNode m : get("/api/v1/households/" + householdId).get("members")) {
            n += m.path("status").asString().equals("ACTIVE") ? 1 : 0;
        }
        return n;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api(path))
                .header("Authorization", "Bearer " + platform.adminToken()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + platform.port("HOUSEHOLD_PORT") + path);
    }

    /** A file the portal gives, fetched in the person's session. */
    private byte[] download(PortalBrowser browser, String path) throws Exception {
        Cookie session = browser.driver.manage().getCookieNamed("PORTAL_SESSION");
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(portal + path))
                .header("Cookie", "PORTAL_SESSION=" + session.getValue()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).get().asString().contains(".xlsx");
        return response.body();
    }

    private static void type(PortalBrowser browser, String id, String text, boolean clear) {
        WebElement field = browser.driver.findElement(By.id(id));
        if (clear) {
            field.clear();
        }
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }

    private static void select(PortalBrowser browser, String id, String value) {
        new Select(browser.driver.findElement(By.id(id))).selectByValue(value);
    }

    private static void submit(PortalBrowser browser, String button) {
        browser.driver.findElement(By.cssSelector(button)).click();
        browser.waitFor(By.tagName("h1"));
    }
}
