package vn.giamngheo.local.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.local.portal.ReviewSurveySteps.Answers;

/**
 * The survey side of the annual review (issue 23 items 1–3) in real headless Chromium, signed in through the real
 * provider as the officer of Phường Thống Nhất (04828): open the round, a Form 01 at the counter, an online request
 * verified, a household surveyed by form (a draft, then done), the Excel way with one bad row, the survey form at a
 * phone's width; the live class against the recorded class on the standard's boundary cases; the Sở NN&MT's board.
 */
@ExtendWith(PortalPlatform.Running.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewSurveyJourneyIT {

    private static final String UNIT = "04828";

    private static PortalPlatform platform;
    private static ReviewSurveySteps steps;
    private static String roundId;
    private static String counterHousehold;
    private static String onlineHousehold;

    @BeforeAll
    static void onThePlatform() {
        platform = PortalPlatform.shared();
        steps = new ReviewSurveySteps(platform);
    }

    private static PortalBrowser officer() {
        PortalBrowser browser = new PortalBrowser(platform.portal(), 1280, 900);
        browser.signIn("can-bo-" + UNIT, "demo");
        return browser;
    }

    @Test
    @Order(1)
    void theOfficerOpensTheRoundAndTakesARequestAtTheCounterAndOneSentOnline() throws Exception {
        try (PortalBrowser officer = officer()) {
            roundId = steps.openRound(officer);
            String head = steps.firstHeadName(UNIT);
            counterHousehold = steps.enterCounterRequest(officer, head);
            onlineHousehold = steps.verifyOnlineRequest(officer, UNIT, counterHousehold);
            List<String> listed = steps.listToSurvey(officer, roundId);
            assertThat(listed).as("the requests' households are on the list to survey")
                    .contains(counterHousehold, onlineHousehold);
        }
    }

    @Test
    @Order(2)
    void theOfficerSurveysAHouseholdByFormThenTheRestByExcel() throws Exception {
        assertThat(roundId).as("opened by the first journey").isNotNull();
        String standard = steps.round(roundId).at("/round/standard").asString();
        long poverty = ReviewSurveySteps.lines(standard, "URBAN")[0];
        try (PortalBrowser officer = officer()) {
            String recorded = steps.saveDraftThenComplete(officer, roundId, counterHousehold,
                    Answers.monthly(poverty, "HEALTH_INSURANCE", "DRINKING_WATER", "SANITATION"));
            assertThat(recorded).isEqualTo("POOR");
            steps.surveyAtPhoneWidth(officer, roundId, counterHousehold);
            steps.surveyByExcelWithOneBadRow(officer, roundId, Set.of(counterHousehold, onlineHousehold));
        }
    }

    /**
     * The standard's own boundary cases (its file's lines for an urban ward), entered through the form: the class the
     * live box shows is the class household-service records.
     */
    @Test
    @Order(3)
    void theLiveClassIsTheRecordedClassOnTheStandardsBoundaries() throws Exception {
        assertThat(roundId).as("opened by the first journey").isNotNull();
        String standard = steps.round(roundId).at("/round/standard").asString();
        long[] lines = ReviewSurveySteps.lines(standard, "URBAN");
        long poverty = lines[0];
        long middle = lines[1];
        int members = steps.activeMembers(onlineHousehold);
        record Case(Answers answers, String expected, int deprived) {
        }
        List<Case> cases = new ArrayList<>(List.of(
                new Case(Answers.annual(poverty * 12 * members, "HEALTH_INSURANCE", "DRINKING_WATER", "SANITATION"),
                        "POOR", 3),
                new Case(Answers.monthly(poverty, "DRINKING_WATER", "SANITATION"), "NEAR_POOR", 2),
                new Case(Answers.monthly(poverty + 1, "HEALTH_INSURANCE", "DRINKING_WATER", "SANITATION"),
                        poverty + 1 <= middle ? "MIDDLE" : "ABOVE", 3),
                new Case(Answers.monthly(middle), "MIDDLE", 0),
                new Case(Answers.monthly(middle + 1), "ABOVE", 0)));
        try (PortalBrowser officer = officer()) {
            for (Case c : cases) {
                String live = steps.fillSurvey(officer, roundId, onlineHousehold, c.answers());
                JsonNode recorded = steps.complete(officer, roundId, onlineHousehold);
                assertThat(live).as("live class for %s", c).isEqualTo(c.expected());
                assertThat(recorded.get("classification").asString()).as("recorded class for %s", c)
                        .isEqualTo(live);
                assertThat(recorded.get("areaType").asString()).isEqualTo("URBAN");
                assertThat(recorded.get("deprivedIndicators").size()).as("deprivations for %s", c)
                        .isEqualTo(c.deprived());
            }
            officer.check("a17-phieu-ranh-gioi");
        }
    }

    @Test
    @Order(4)
    void theSoNnmtSeesEveryCommuneOfTheProvinceAndOpensOne() {
        try (PortalBrowser so = new PortalBrowser(platform.portal(), 1280, 900)) {
            so.signIn("so-nnmt", "demo");
            steps.provinceBoard(so);
        }
    }
}
