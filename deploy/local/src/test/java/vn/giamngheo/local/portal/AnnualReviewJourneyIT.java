package vn.giamngheo.local.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.local.portal.ReviewDecisionSteps.pdfText;
import static vn.giamngheo.local.portal.ReviewDecisionSteps.sheets;
import static vn.giamngheo.local.portal.ReviewDecisionSteps.squeezed;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.local.portal.ReviewSurveySteps.Answers;
import vn.giamngheo.local.portal.ReviewSurveySteps.SheetRow;

/**
 * The whole annual review of one small commune, Xã Tiền Phong (04891), in real headless Chromium (issue 23 item 7),
 * by its officer can-bo-04891 and its chairman chu-tich-04891 signed in through the real provider as themselves, every
 * step in the portal's pages (composed from {@link ReviewSurveySteps} and {@link ReviewDecisionSteps}): the round
 * opened, a Form 01 taken at the counter, an online request verified; the live class against the recorded class on
 * the standard's boundary cases (rural lines); a household surveyed by form (a draft, then done), the rest of the list
 * by Excel with one bad row seen on the screen, that row's household then by form; the Sở NN&MT's board; the village
 * meeting with a row per surveyed household and its minutes; the posting; a complaint, the chairman shown why he
 * cannot sign, the complaint upheld with corrected answers (the list posted again); the chairman signing through the
 * confirmation page once the posting has ended; every document downloaded, the PDFs' text and the lists' Excel checked.
 * Every page is checked with axe-core (no serious violation, no CSP violation); screenshots start with "r".
 *
 * <p>The registry, not the review, is prepared through the API: four households of one are registered for the run,
 * one with a citizen id (the one who asks online: the demo households of 04891 have none) and three the officer adds
 * to the survey sheet (a poor, a near-poor, and the bad row's).
 *
 * <p>Dates: the review of {@link ReviewSurveySteps#reviewYear()} with its {@link ReviewSurveySteps#referenceDate()};
 * the meeting the day after, the posting from the next weekday, the complaint during it, and the decision dated
 * min(today, 14 December), after the second posting ends as household-service counts it.
 */
@ExtendWith(PortalPlatform.Running.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnualReviewJourneyIT {

    private static final String UNIT = "04891";
    private static final String COMMUNE = "Xã Tiền Phong (04891)";
    private static final String AREA = "RURAL";
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final long RUN = System.currentTimeMillis() % 1_000_000;
    private static final String SUFFIX = RegistryJourneysIT.letters(RUN);
    /** Households of one registered for this run, surveyed by Excel (the last its bad row, then by form). */
    private static final String POOR = "Lò Văn Đức " + SUFFIX;
    private static final String NEAR_POOR = "Nguyễn Thị Hường " + SUFFIX;
    private static final String BAD_ROW = "Trần Văn Ấn " + SUFFIX;
    /** A household with a citizen id (the demo households of 04891 have none), who asks online. */
    private static final String ONLINE = "Hà Thị Thuỷ " + SUFFIX;

    private static PortalPlatform platform;
    private static ReviewSurveySteps surveys;
    private static ReviewDecisionSteps decision;
    private static long poverty;
    private static long middle;
    private static String roundId;
    private static String counterHousehold;
    private static String onlineHousehold;
    private static String complainedHead;
    private static LocalDate postingStart;

    @BeforeAll
    static void onThePlatform() {
        platform = PortalPlatform.shared();
        surveys = new ReviewSurveySteps(platform, "r");
        decision = new ReviewDecisionSteps(platform.portal(), "r2");
    }

    private static PortalBrowser signedIn(String login) {
        PortalBrowser browser = new PortalBrowser(platform.portal(), 1280, 900);
        browser.signIn(login, "demo");
        return browser;
    }

    private static PortalBrowser officer() {
        return signedIn("can-bo-" + UNIT);
    }

    private static PortalBrowser chairman() {
        return signedIn("chu-tich-" + UNIT);
    }

    @Test
    @Order(1)
    void theOfficerOpensTheRoundAndTakesARequestAtTheCounterAndOneSentOnline() throws Exception {
        try (PortalBrowser officer = officer()) {
            roundId = surveys.openRound(officer);
            String atCounter = "Hà Thị Lựu " + SUFFIX;
            surveys.registerHousehold(UNIT, "Thôn " + SUFFIX, atCounter, "1979-06-02", null);
            counterHousehold = surveys.enterCounterRequest(officer, atCounter);
            String registered = surveys.registerHousehold(UNIT, "Thôn " + SUFFIX, ONLINE, "1972-03-08",
                    "025172%06d".formatted(RUN));
            onlineHousehold = surveys.verifyOnlineRequest(officer, UNIT, registered);
            assertThat(onlineHousehold).isEqualTo(registered);
            assertThat(surveys.listToSurvey(officer, roundId)).as("the requests' households are on the list")
                    .contains(counterHousehold, onlineHousehold);
        }
        long[] lines = ReviewSurveySteps.lines(surveys.round(roundId).at("/round/standard").asString(), AREA);
        poverty = lines[0];
        middle = lines[1];
    }

    /**
     * The standard's own boundary cases (its lines for a rural commune), entered through the form on the online
     * request's household: the class the live box shows is the class household-service records.
     */
    @Test
    @Order(2)
    void theLiveClassIsTheRecordedClassOnTheStandardsBoundaries() throws Exception {
        assertThat(roundId).as("opened by the first step").isNotNull();
        int members = surveys.activeMembers(onlineHousehold);
        record Case(Answers answers, String expected, int deprived) {
        }
        List<Case> cases = List.of(
                new Case(Answers.annual(poverty * 12 * members, "HEALTH_INSURANCE", "DRINKING_WATER", "SANITATION"),
                        "POOR", 3),
                new Case(Answers.monthly(poverty, "DRINKING_WATER", "SANITATION"), "NEAR_POOR", 2),
                new Case(Answers.monthly(poverty + 1, "HEALTH_INSURANCE", "DRINKING_WATER", "SANITATION"),
                        poverty + 1 <= middle ? "MIDDLE" : "ABOVE", 3),
                new Case(Answers.monthly(middle), "MIDDLE", 0),
                new Case(Answers.monthly(middle + 1), "ABOVE", 0));
        try (PortalBrowser officer = officer()) {
            for (Case c : cases) {
                String live = surveys.fillSurvey(officer, roundId, onlineHousehold, c.answers());
                JsonNode recorded = surveys.complete(officer, roundId, onlineHousehold);
                assertThat(live).as("live class for %s", c).isEqualTo(c.expected());
                assertThat(recorded.get("classification").asString()).as("recorded class for %s", c).isEqualTo(live);
                assertThat(recorded.get("areaType").asString()).isEqualTo(AREA);
                assertThat(recorded.get("deprivedIndicators").size()).as("deprivations for %s", c)
                        .isEqualTo(c.deprived());
            }
            officer.check("r17-phieu-ranh-gioi");
        }
    }

    @Test
    @Order(3)
    void theOfficerSurveysAHouseholdByFormTheRestByExcelAndTheBadRowsHouseholdByForm() throws Exception {
        assertThat(poverty).as("the round's lines, from the first step").isPositive();
        try (PortalBrowser officer = officer()) {
            assertThat(surveys.saveDraftThenComplete(officer, roundId, counterHousehold,
                    Answers.monthly(poverty, "HEALTH_INSURANCE", "DRINKING_WATER", "SANITATION"))).isEqualTo("POOR");
            surveys.surveyAtPhoneWidth(officer, roundId, counterHousehold);
            String village = "Thôn " + SUFFIX;
            String badHousehold = surveys.registerHousehold(UNIT, village, BAD_ROW, "1970-01-20", null);
            String poorHousehold = surveys.registerHousehold(UNIT, village, POOR, "1968-04-12", null);
            String nearPoorHousehold = surveys.registerHousehold(UNIT, village, NEAR_POOR, "1975-08-30", null);
            String badRow = surveys.surveyByExcelWithOneBadRow(officer, roundId,
                    Set.of(counterHousehold, onlineHousehold), List.of(
                            new SheetRow(poorHousehold, POOR, 1, 12 * poverty,
                                    Set.of("HEALTH_INSURANCE", "DRINKING_WATER", "SANITATION")),
                            new SheetRow(nearPoorHousehold, NEAR_POOR, 1, 12 * poverty, Set.of("SANITATION")),
                            new SheetRow(badHousehold, BAD_ROW, 1, 12 * poverty, Set.of())));
            assertThat(badRow).isEqualTo(badHousehold);
            List<String> byForm = new ArrayList<>(unsurveyed());
            assertThat(byForm).as("the bad row recorded nothing").doesNotContain(badRow);
            byForm.add(badRow);
            for (String householdId : byForm) {
                String live = surveys.fillSurvey(officer, roundId, householdId,
                        Answers.monthly(poverty, "DRINKING_WATER", "SANITATION"));
                assertThat(live).isEqualTo("NEAR_POOR");
                assertThat(surveys.complete(officer, roundId, householdId).get("classification").asString())
                        .isEqualTo(live);
            }
        }
        assertThat(unsurveyed()).as("every household on the list surveyed").isEmpty();
    }

    @Test
    @Order(4)
    void theSoNnmtSeesTheCommuneInProgressOnTheProvinceBoardAndOpensIt() {
        try (PortalBrowser so = signedIn("so-nnmt")) {
            surveys.provinceBoard(so, COMMUNE, "IN_PROGRESS");
        }
    }

    @Test
    @Order(5)
    void theOfficerHoldsTheMeetingPostsTheListAndTakesAComplaintTheChairmanCannotSignYet() throws Exception {
        Map<String, Integer> agreeing = new LinkedHashMap<>();
        for (JsonNode h : surveys.households(roundId).get("households")) {
            agreeing.put(h.get("headName").asString(), 15);
        }
        complainedHead = headOf(counterHousehold);
        LocalDate meeting = ReviewSurveySteps.referenceDate().plusDays(1);
        postingStart = nextWeekday(meeting);
        try (PortalBrowser officer = officer()) {
            assertThat(decision.holdMeeting(officer, roundId, meeting, 20, agreeing))
                    .contains(agreeing.size() + " hộ được thống nhất, 0 hộ phải rà soát lại");
            assertThat(officer.text()).contains("15/20 người đồng ý");
            officer.atPhoneWidth("r202-hop-thon-360px");
            String minutes = pdfText(decision.downloadMinutes(officer, roundId));
            assertThat(minutes).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(upper(minutes)).contains("TIỀN PHONG");
            assertThat(squeezed(minutes)).contains(agreeing.keySet().stream().map(ReviewDecisionSteps::squeezed)
                    .toList());

            assertThat(decision.startPosting(officer, roundId, postingStart))
                    .contains("Đã bắt đầu niêm yết từ " + TYPED.format(postingStart), "ngày làm việc");
            decision.recordComplaint(officer, roundId, complainedHead, "Người dân phản ánh: hộ đã có nước máy và nhà "
                    + "vệ sinh tự hoại từ tháng 10.", postingStart.plusDays(1));
        }
        try (PortalBrowser chairman = chairman()) {
            assertThat(decision.decisionBlockers(chairman, roundId))
                    .contains("Còn 1 khiếu nại đang xác minh; hãy giải quyết xong trước khi ký.");
        }
    }

    @Test
    @Order(6)
    void theOfficerUpholdsTheComplaintWithCorrectedAnswersAndTheListIsPostedAgain() throws Exception {
        assertThat(complainedHead).as("the complaint of the previous step").isNotNull();
        try (PortalBrowser officer = officer()) {
            String banner = decision.upholdComplaint(officer, roundId, complainedHead, "Xác minh tại hộ: hộ dùng nước "
                    + "máy, có nhà vệ sinh tự hoại; thiếu hụt bảo hiểm y tế.", postingStart.plusDays(2),
                    o -> surveys.typeAnswers(o, Answers.monthly(poverty, "HEALTH_INSURANCE")));
            assertThat(banner).contains("là đúng", "niêm yết lại đến hết ngày");
            Matcher until = Pattern.compile("niêm yết lại đến hết ngày (\\d{2}/\\d{2}/\\d{4})").matcher(banner);
            assertThat(until.find()).as(banner).isTrue();
            JsonNode round = surveys.round(roundId).get("round");
            assertThat(until.group(1)).as("the end the page shows is the service's")
                    .isEqualTo(TYPED.format(LocalDate.parse(round.get("postingEndsOn").asString())));
            assertThat(officer.text()).contains("Khiếu nại đúng");
            officer.open("/ra-soat/" + roundId + "/quyet-dinh");
            officer.waitFor(By.id("chu-tich-ky"));
            assertThat(officer.driver.findElements(By.id("number"))).as("the officer does not sign").isEmpty();
            officer.check("r212-quyet-dinh-can-bo");
        }
        JsonNode survey = surveys.survey(roundId, counterHousehold);
        assertThat(survey.get("classification").asString()).as("the corrected class").isEqualTo("NEAR_POOR");
        assertThat(survey.get("deprivedIndicators").size()).isEqualTo(1);
    }

    @Test
    @Order(7)
    void theChairmanSignsOnceThePostingHasEndedAndEveryDocumentComesOut() throws Exception {
        assertThat(complainedHead).as("the complaint of the earlier steps").isNotNull();
        JsonNode view = surveys.round(roundId);
        LocalDate canDecideFrom = LocalDate.parse(view.get("canDecideFrom").asString());
        LocalDate today = LocalDate.now(ReviewSurveySteps.VIETNAM);
        LocalDate deadline = LocalDate.of(ReviewSurveySteps.reviewYear(), 12, 14);
        LocalDate decided = today.isBefore(deadline) ? today : deadline;
        assertThat(decided).as("the second posting ended before the decision's day").isAfterOrEqualTo(canDecideFrom);
        assertThat(view.get("decisionBlockers").size()).as("%s", view.get("decisionBlockers")).isZero();

        Map<String, String> classes = new LinkedHashMap<>();
        for (JsonNode h : surveys.households(roundId).get("households")) {
            classes.put(h.get("headName").asString(), h.at("/survey/classification").asString());
        }
        List<String> poor = headsOf(classes, "POOR");
        List<String> nearPoor = headsOf(classes, "NEAR_POOR");
        assertThat(poor).contains(POOR);
        assertThat(nearPoor).contains(complainedHead, NEAR_POOR, BAD_ROW);

        String number = RUN % 1000 + "/QĐ-UBND";
        Map<String, byte[]> documents;
        try (PortalBrowser chairman = chairman()) {
            assertThat(decision.signDecision(chairman, roundId, number, decided))
                    .contains("Đã ký Quyết định số " + number);
            documents = decision.downloadDocuments(chairman, roundId);
            chairman.atPhoneWidth("r213-quyet-dinh-360px");
        }

        assertThat(documents).containsKeys("decision.pdf", "certificates.pdf", "lists.xlsx", "minutes.pdf",
                "posting-list.pdf");
        assertThat(documents.keySet().stream().filter(n -> n.startsWith("certificates/")))
                .as("a certificate per poor and near-poor household").hasSize(poor.size() + nearPoor.size());
        String text = pdfText(documents.get("decision.pdf"));
        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", number);
        assertThat(upper(text)).contains("TIỀN PHONG", "HỘ NGHÈO", "HỘ CẬN NGHÈO");
        List<String> listed = new ArrayList<>(poor);
        listed.addAll(nearPoor);
        assertThat(squeezed(text)).contains(listed.stream().map(ReviewDecisionSteps::squeezed).toList());
        String certificates = pdfText(documents.get("certificates.pdf"));
        assertThat(certificates).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", number);
        assertThat(upper(certificates)).contains("TIỀN PHONG", "HỘ NGHÈO", "HỘ CẬN NGHÈO");
        assertThat(squeezed(certificates)).contains(listed.stream().map(ReviewDecisionSteps::squeezed).toList());
        assertThat(squeezed(pdfText(documents.get("posting-list.pdf")))).contains(squeezed(complainedHead));

        Map<String, List<String>> lists = sheets(documents.get("lists.xlsx"));
        assertThat(lists).containsKeys("Hộ nghèo", "Hộ cận nghèo");
        assertThat(lists.get("Hộ nghèo")).containsAll(poor);
        assertThat(lists.get("Hộ cận nghèo")).containsAll(nearPoor);
    }

    /** The households on the list to survey not surveyed yet (no survey, or a draft). */
    private static List<String> unsurveyed() throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode h : surveys.households(roundId).get("households")) {
            JsonNode survey = h.get("survey");
            if (survey == null || survey.isNull() || survey.get("status").asString().equals("DRAFT")) {
                ids.add(h.get("householdId").asString());
            }
        }
        return ids;
    }

    private static String headOf(String householdId) throws Exception {
        for (JsonNode h : surveys.households(roundId).get("households")) {
            if (h.get("householdId").asString().equals(householdId)) {
                return h.get("headName").asString();
            }
        }
        throw new AssertionError(householdId + " is not on the list to survey");
    }

    private static List<String> headsOf(Map<String, String> classes, String classification) {
        return classes.entrySet().stream().filter(e -> e.getValue().equals(classification)).map(Map.Entry::getKey)
                .toList();
    }

    /** In capitals (the issuing body is written so), for names whatever their case in the document. */
    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    private static LocalDate nextWeekday(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }
}
