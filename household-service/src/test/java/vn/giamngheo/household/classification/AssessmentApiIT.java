package vn.giamngheo.household.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class AssessmentApiIT {

    private static final String FACTS = """
            {"members": [
               {"dateOfBirth": "1980-05-01", "hasHealthInsurance": false, "attendingSchool": false,
                "education": "LOWER_SECONDARY", "employment": "WAGE_WITHOUT_CONTRACT"},
               {"dateOfBirth": "2015-02-01", "hasHealthInsurance": true, "attendingSchool": true,
                "education": "PRIMARY", "employment": "NOT_IN_LABOUR_FORCE"}],
             "floorAreaM2": 14.5, "hasDwelling": true, "wallsDurable": true, "frameDurable": true, "roofDurable": false,
             "waterSource": "PIPED", "latrine": "UNHYGIENIC", "usesTelecom": true, "usesInternet": true,
             "informationMeans": ["SMARTPHONE"]}""";

    @LocalServerPort
    int port;

    private Http.Response evaluate(String json) {
        return Http.post("http://localhost:" + port + "/api/v1/assessments/evaluate", json);
    }

    @Test
    void aHouseholdEvaluatedFromFactsGetsItsClassAndAReasonForEachDeprivation() {
        Http.Response response = evaluate("""
                {"referenceDate": "2022-12-01", "unitCode": "08731", "annualIncomeVnd": 33600000, "memberCount": 2,
                 "facts": %s}""".formatted(FACTS));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("classification").asString()).isEqualTo("POOR");
        assertThat(result.get("standard").asString()).isEqualTo("VN-MPS-2022-2025");
        assertThat(result.get("areaType").asString()).isEqualTo("RURAL");
        assertThat(result.get("monthlyIncomePerCapitaVnd").asLong()).isEqualTo(1_400_000);
        assertThat(result.get("deprivedIndicators").valueStream().map(JsonNode::asString))
                .containsExactly("EMPLOYMENT", "HEALTH_INSURANCE", "HOUSING_AREA", "SANITATION");
        assertThat(result.get("deprivations").findValuesAsString("reason")).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(result.get("explanation").valueStream().map(JsonNode::asString))
                .anySatisfy(line -> assertThat(line).contains("Xã Thanh Trù (08731)"))
                .anySatisfy(line -> assertThat(line).contains("hộ nghèo"));
    }

    @Test
    void anyStandardCanBeSimulatedOnAnyDate() {
        Http.Response response = evaluate("""
                {"referenceDate": "2026-11-24", "areaType": "URBAN", "standard": "VN-MPS-2027-2030",
                 "monthlyIncomePerCapitaVnd": 2500000, "deprivedIndicators": ["WASTE", "TELECOM", "SANITATION"]}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("classification").asString()).isEqualTo("POOR");
        assertThat(response.json().get("provisionalStandard").asBoolean()).isTrue();
    }

    @Test
    void theStandardInForceOnADateIsShownWithItsIndicators() {
        JsonNode standards = Http.get("http://localhost:" + port + "/api/v1/standards?date=2027-03-01").json();

        assertThat(standards).hasSize(1);
        assertThat(standards.get(0).get("code").asString()).isEqualTo("VN-MPS-2027-2030");
        assertThat(standards.get(0).get("indicators").findValuesAsString("code")).contains("WASTE")
                .doesNotContain("INFORMATION_ACCESS");
        assertThat(Http.get("http://localhost:" + port + "/api/v1/standards").json()).hasSize(3);
        assertThat(Http.get("http://localhost:" + port + "/api/v1/standards?date=2010-01-01").status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative income          | {"referenceDate":"2022-12-01","areaType":"RURAL","annualIncomeVnd":-1,"memberCount":2,"deprivedIndicators":[]}                  | annualIncomeVnd
            zero members             | {"referenceDate":"2022-12-01","areaType":"RURAL","annualIncomeVnd":1000,"memberCount":0,"deprivedIndicators":[]}                | memberCount
            members without income   | {"referenceDate":"2022-12-01","areaType":"RURAL","memberCount":2,"deprivedIndicators":[]}                                      | annualIncomeVnd
            no income at all         | {"referenceDate":"2022-12-01","areaType":"RURAL","deprivedIndicators":[]}                                                      | annualIncomeVnd
            unknown indicator        | {"referenceDate":"2022-12-01","areaType":"RURAL","monthlyIncomePerCapitaVnd":1,"deprivedIndicators":["WASTE"]}                 | deprivedIndicators
            indicator twice          | {"referenceDate":"2022-12-01","areaType":"RURAL","monthlyIncomePerCapitaVnd":1,"deprivedIndicators":["TELECOM","TELECOM"]}     | deprivedIndicators
            unknown unit             | {"referenceDate":"2022-12-01","unitCode":"99999","monthlyIncomePerCapitaVnd":1,"deprivedIndicators":[]}                        | unitCode
            unit no longer in force  | {"referenceDate":"2026-01-01","unitCode":"08710","monthlyIncomePerCapitaVnd":1,"deprivedIndicators":[]}                        | unitCode
            unit and area type       | {"referenceDate":"2022-12-01","unitCode":"08707","areaType":"URBAN","monthlyIncomePerCapitaVnd":1,"deprivedIndicators":[]}     | unitCode
            date outside standards   | {"referenceDate":"2010-06-01","areaType":"RURAL","monthlyIncomePerCapitaVnd":1,"deprivedIndicators":[]}                        | referenceDate
            unknown standard         | {"referenceDate":"2022-12-01","areaType":"RURAL","standard":"VN-MPS-1990","monthlyIncomePerCapitaVnd":1,"deprivedIndicators":[]} | standard
            unknown field            | {"referenceDate":"2022-12-01","areaType":"RURAL","monthlyIncomePerCapitaVnd":1,"deprivedIndicators":[],"hint":"poor"}          | hint
            unknown area type        | {"referenceDate":"2022-12-01","areaType":"SUBURBAN","monthlyIncomePerCapitaVnd":1,"deprivedIndicators":[]}                     | areaType
            both evidence kinds      | {"referenceDate":"2022-12-01","areaType":"RURAL","monthlyIncomePerCapitaVnd":1,"deprivedIndicators":[],"facts":{}}             | facts.members
            neither evidence kind    | {"referenceDate":"2022-12-01","areaType":"RURAL","monthlyIncomePerCapitaVnd":1}                                                | deprivedIndicators
            missing date             | {"areaType":"RURAL","monthlyIncomePerCapitaVnd":1,"deprivedIndicators":[]}                                                     | referenceDate
            """)
    void badInputIsA400ProblemNamingTheField(String what, String body, String field) {
        Http.Response response = evaluate(body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }

    @Test
    void factsMissingWhatTheStandardNeedsAreNamed() {
        Http.Response response = evaluate("""
                {"referenceDate": "2027-03-01", "areaType": "RURAL", "monthlyIncomePerCapitaVnd": 1000000,
                 "facts": %s}""".formatted(FACTS));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("facts.wasteHandling");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            income 1e30            | "annualIncomeVnd": 1e30, "memberCount": 2                 | annualIncomeVnd | 1e30 is out of range for a whole number (-9223372036854775808 to 9223372036854775807)
            income 20 digits       | "annualIncomeVnd": 99999999999999999999, "memberCount": 2 | annualIncomeVnd | 99999999999999999999 is out of range for a whole number (-9223372036854775808 to 9223372036854775807)
            members 1e30           | "annualIncomeVnd": 1000, "memberCount": 1e30              | memberCount     | 1e30 is out of range for a whole number (-2147483648 to 2147483647)
            """)
    void aNumberTooLargeForItsFieldIsNamedNotCalledMalformed(String what, String numbers, String field, String reason) {
        Http.Response response = evaluate("""
                {"referenceDate": "2022-12-01", "areaType": "RURAL", %s, "deprivedIndicators": []}"""
                .formatted(numbers));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("errors").get(0).get("reason").asString()).isEqualTo(reason);
    }
}
