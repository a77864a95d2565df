package vn.giamngheo.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;

/**
 * The smaller findings of the probe of issue 20, each as the probe sent it: what it got through, now refused with the
 * field named and nothing stored; what it read, now withheld.
 */
@ServiceIntegrationTest
class ProbeFindingsIT {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

    @LocalServerPort
    int port;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String oneMember(String unit, String name, String born, String citizenId) {
        return """
                {"unitCode":"%s","village":"Tổ dân phố 5","members":[{"fullName":"%s","dateOfBirth":"%s",
                 "sex":"MALE","relationToHead":"HEAD"%s}]}""".formatted(unit, name, born,
                citizenId == null ? "" : ",\"citizenId\":\"" + citizenId + "\"");
    }

    private long households(String unit) {
        return Http.get(url("/api/v1/households?unitCode=" + unit + "&size=1")).json().get("total").asLong();
    }

    @Test
    void namesAreStoredComposedAndInvisibleCharactersAreRefused() {
        // "Nguyễn Văn Ân" typed in decomposed form: e + U+0302 + U+0303, A + U+0302.
        String decomposed = "Nguye\u0302\u0303n Va\u0306n A\u0302n";
        JsonNode stored = Http.post(url("/api/v1/households"), oneMember("08707", decomposed, "1980-01-01", null))
                .expectStatus(201).json();
        assertThat(stored.get("members").get(0).get("fullName").asString()).isEqualTo("Nguyễn Văn Ân")
                .hasSize("Nguyễn Văn Ân".length());

        long before = households("08707");
        for (String name : new String[] {"Nguyễn\\u202eVăn An", "Nguyễn\\u200bVăn An", "Nguyễn\\u0007Văn An",
                "Nguyễn\\ufeffVăn An", "Nguyễn\\nVăn An", "Nguyễn\\u2028Văn An"}) {
            Http.Response refused = Http.post(url("/api/v1/households"), oneMember("08707", name, "1980-01-01", null));
            assertThat(refused.status()).as(name).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).as(name)
                    .isEqualTo("members[0].fullName");
        }
        assertThat(households("08707")).isEqualTo(before);
    }

    @Test
    void implausibleFiguresAreRefusedWithTheLimitNamed() {
        Http.Response ancient = Http.post(url("/api/v1/households"), oneMember("08707", "Lê Văn Cổ", "1800-01-01",
                null));
        assertThat(ancient.status()).isEqualTo(400);
        assertThat(ancient.body()).contains("members[0].dateOfBirth").contains("120 years");

        Http.Response rich = Http.post(url("/api/v1/assessments/evaluate"), """
                {"referenceDate":"2026-12-01","unitCode":"08707","annualIncomeVnd":9223372036854775807,
                 "memberCount":1,"deprivedIndicators":[]}""");
        assertThat(rich.status()).isEqualTo(400);
        assertThat(rich.json().get("errors").get(0).get("field").asString()).isEqualTo("annualIncomeVnd");

        // A household of one surveyed as a household of 500: its income per person would fall below any line.
        String id = Http.post(url("/api/v1/households"), oneMember("08707", "Phạm Văn Một", "1975-05-05", null))
                .expectStatus(201).json().get("id").asString();
        String round = Http.post(url("/api/v1/review-rounds"), "{\"unitCode\":\"08707\",\"kind\":\"MONTHLY\","
                + "\"referenceDate\":\"" + TODAY + "\"}").expectStatus(201).json().get("round").get("id").asString();
        for (int members : new int[] {500, 2}) {
            Http.Response survey = Http.post(url("/api/v1/review-rounds/" + round + "/surveys"), "{\"householdId\":\""
                    + id + "\",\"annualIncomeVnd\":60000000,\"memberCount\":" + members + ",\"deprivedIndicators\":[]}");
            assertThat(survey.status()).as("%d members", members).isEqualTo(400);
            assertThat(survey.json().get("errors").get(0).get("field").asString()).isEqualTo("memberCount");
        }
        assertThat(Http.post(url("/api/v1/review-rounds/" + round + "/surveys"), "{\"householdId\":\"" + id
                + "\",\"annualIncomeVnd\":60000000,\"memberCount\":1,\"deprivedIndicators\":[]}").status())
                .isEqualTo(200);
    }

    @Test
    void aDecisionCannotBeDatedAfterToday() {
        String id = Http.post(url("/api/v1/households"), oneMember("08707", "Đỗ Văn Hai", "1970-02-02", null))
                .expectStatus(201).json().get("id").asString();
        String start = LocalDate.parse(TODAY).minusDays(20).toString();
        String round = Http.post(url("/api/v1/review-rounds"), "{\"unitCode\":\"08707\",\"kind\":\"MONTHLY\","
                + "\"referenceDate\":\"" + start + "\"}").expectStatus(201).json().get("round").get("id").asString();
        String steps = "/api/v1/review-rounds/" + round;
        Http.post(url(steps + "/surveys"), "{\"householdId\":\"" + id + "\",\"monthlyIncomePerCapitaVnd\":1500000,"
                + "\"deprivedIndicators\":[\"HEALTH_INSURANCE\",\"SANITATION\",\"DRINKING_WATER\"]}").expectStatus(200);
        Http.post(url(steps + "/village-meeting"), "{\"date\":\"" + start + "\",\"participants\":10,\"votes\":[{"
                + "\"householdId\":\"" + id + "\",\"agreeing\":9}]}").expectStatus(200);
        Http.post(url(steps + "/posting"), "{\"startDate\":\"" + start + "\"}").expectStatus(200);

        String tomorrow = LocalDate.parse(TODAY).plusDays(1).toString();
        Http.Response future = Http.post(url(steps + "/decision"), "{\"number\":\"7/QĐ-UBND\",\"date\":\"" + tomorrow
                + "\",\"signerRole\":\"COMMUNE_CHAIRMAN\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("date");
        assertThat(Http.get(url(steps)).json().get("round").get("state").asString()).isNotEqualTo("CLOSED");
        assertThat(Http.get(url("/api/v1/households/" + id)).json().get("currentClass").isNull()).isTrue();

        Http.post(url(steps + "/decision"), "{\"number\":\"7/QĐ-UBND\",\"date\":\"" + TODAY
                + "\",\"signerRole\":\"COMMUNE_CHAIRMAN\"}").expectStatus(200);
        assertThat(Http.get(url("/api/v1/households/" + id)).json().get("currentClass").asString())
                .isEqualTo(HouseholdClass.POOR.name());
    }

    @Test
    void aCitizenIdRegisteredInAnotherWardIsRefusedWithoutSayingWhere() {
        String citizenId = Households.newCitizenId(Sex.MALE, LocalDate.parse("1966-06-06"));
        String elsewhere = Http.post(url("/api/v1/households"), oneMember("08716", "Bùi Văn Sáu", "1966-06-06",
                citizenId)).expectStatus(201).json().get("id").asString();

        Http.Response duplicate = Http.as(TestTokens.role("WARD_OFFICER", "08707"), () -> Http.post(
                url("/api/v1/households"), oneMember("08707", "Bùi Văn Sáu", "1966-06-06", citizenId)));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).contains("members[0].citizenId").doesNotContain(elsewhere).doesNotContain("08716");
        // The officer of the ward where the person is registered is told which household.
        Http.Response here = Http.as(TestTokens.role("WARD_OFFICER", "08716"), () -> Http.post(
                url("/api/v1/households"), oneMember("08716", "Bùi Văn Sáu", "1966-06-06", citizenId)));
        assertThat(here.status()).isEqualTo(409);
        assertThat(here.body()).contains(elsewhere);
    }

    @Test
    void anotherServiceReadingWithThePlatformTokenSeesNoNamesAndNoCitizenIds() {
        String citizenId = Households.newCitizenId(Sex.MALE, LocalDate.parse("1977-07-07"));
        String id = Http.post(url("/api/v1/households"), oneMember("08707", "Hà Văn Bảy", "1977-07-07", citizenId))
                .expectStatus(201).json().get("id").asString();
        String platform = TestTokens.role("PLATFORM_SERVICE", "*");
        Http.Response read = Http.as(platform, () -> Http.get(url("/api/v1/households/" + id)));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("Hà Văn Bảy").doesNotContain(citizenId).contains("1977-07-07");
        assertThat(Http.as(platform, () -> Http.get(url("/api/v1/households?unitCode=08707&size=500"))).body())
                .doesNotContain("Hà Văn Bảy");
        assertThat(Http.get(url("/api/v1/households/" + id)).body()).contains("Hà Văn Bảy").contains(citizenId);
    }
}
