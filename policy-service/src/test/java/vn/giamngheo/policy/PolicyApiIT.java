package vn.giamngheo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
@org.springframework.context.annotation.Import(TestClock.Config.class)
class PolicyApiIT {

    private static final String POOR_FAMILY = """
            {"referenceDate": "2024-10-11", "household": {"classification": "POOR", "classifiedSince": "2023-01-01",
             "escapedPovertyOn": null, "unitCode": "08707", "farming": false, "members": [
               {"personId": "p-head", "dateOfBirth": "1975-02-01", "schooling": "NONE"},
               {"personId": "p-pupil", "dateOfBirth": "2013-09-01", "schooling": "LOWER_SECONDARY", "publicSchool": true},
               {"personId": "p-elder", "dateOfBirth": "1941-05-01", "schooling": "NONE", "pensionVnd": 0,
                "noOneObligedToSupport": true}]}}""";

    @LocalServerPort
    int port;

    private Http.Response evaluate(String json) {
        return Http.post("http://localhost:" + port + "/api/v1/eligibility/evaluate", json);
    }

    @Test
    void aPoorFamilyIsToldWhatEachMemberReceivesWithTheAmountsInForce() {
        Http.Response response = evaluate(POOR_FAMILY);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode decisions = response.json().get("decisions");
        assertThat(decisions.findValuesAsString("policyCode")).contains("HEALTH_INSURANCE_PREMIUM",
                "TUITION_EXEMPTION", "STUDY_COST_SUPPORT", "ELECTRICITY_SUPPORT", "POOR_HOUSEHOLD_LOAN",
                "HOUSING_SUPPORT", "LEGAL_AID", "SOCIAL_ASSISTANCE");
        JsonNode electricity = null;
        for (JsonNode d : decisions) {
            if (d.get("policyCode").asString().equals("ELECTRICITY_SUPPORT")) {
                electricity = d;
            }
        }
        assertThat(electricity.get("beneficiary").asString()).isEqualTo("HOUSEHOLD");
        assertThat(electricity.get("entitlement").get("monthlyAmountVnd").asLong()).isEqualTo(56_790);
        assertThat(electricity.get("entitlement").has("premiumSupportPercent")).isFalse();
        assertThat(electricity.get("applicationRequired").asBoolean()).isFalse();
        assertThat(electricity.get("legalBasis").asString()).contains("28/2014/QĐ-TTg");
        assertThat(electricity.get("reason").asString()).contains("30 kWh");
    }

    private static JsonNode decision(JsonNode decisions, String policyCode, String beneficiary) {
        for (JsonNode d : decisions) {
            if (d.get("policyCode").asString().equals(policyCode) && d.get("beneficiary").asString().equals(beneficiary)) {
                return d;
            }
        }
        return null;
    }

    /**
     * Issue 21: the loan rates of 1 December 2025, the student loan per month of study, one of the social pension and
     * social assistance per person, and the full premium of a social pensioner.
     */
    @Test
    void theRulesOfDecember2025AreWhatAnEvaluationShows() {
        JsonNode decisions = evaluate("""
                {"referenceDate": "2025-12-01", "household": {"classification": "NEAR_POOR", "unitCode": "08707",
                 "members": [
                   {"personId": "head", "dateOfBirth": "1975-02-01", "schooling": "NONE", "pensionVnd": 0},
                   {"personId": "student", "dateOfBirth": "2005-09-01", "schooling": "HIGHER"},
                   {"personId": "elder", "dateOfBirth": "1949-05-01", "schooling": "NONE", "pensionVnd": 0}]}}""")
                .expectStatus(200).json().get("decisions");

        JsonNode loan = decision(decisions, "NEAR_POOR_HOUSEHOLD_LOAN", "HOUSEHOLD");
        assertThat(loan.get("entitlement").get("annualInterestPercent").decimalValue()).isEqualByComparingTo("7.488");
        assertThat(loan.get("legalBasis").asString()).contains("2553/QĐ-TTg");
        JsonNode student = decision(decisions, "STUDENT_LOAN", "student");
        assertThat(student.get("entitlement").get("maxLoanPerMonthVnd").asLong()).isEqualTo(4_000_000);
        assertThat(student.get("entitlement").has("maxLoanVnd")).isFalse();
        assertThat(student.get("entitlement").get("annualInterestPercent").decimalValue()).isEqualByComparingTo("6.24");
        assertThat(student.get("reason").asString()).contains("mỗi tháng học");
        assertThat(decision(decisions, "SOCIAL_PENSION", "elder").get("applicationRequired").asBoolean()).isTrue();
        assertThat(decision(decisions, "HEALTH_INSURANCE_PREMIUM", "elder").get("entitlement")
                .get("premiumSupportPercent").asInt()).isEqualTo(100);
        assertThat(decision(decisions, "HEALTH_INSURANCE_PREMIUM", "head").get("entitlement")
                .get("premiumSupportPercent").asInt()).isEqualTo(70);
        assertThat(decision(decisions, "HEALTH_INSURANCE_PREMIUM_PROVINCIAL", "elder")).isNull();
        assertThat(decision(decisions, "HEALTH_INSURANCE_PREMIUM_PROVINCIAL", "head").get("provisionalReason")
                .asString()).contains("resolution");

        JsonNode poor = evaluate("""
                {"referenceDate": "2025-12-01", "household": {"classification": "POOR", "unitCode": "08716",
                 "members": [{"personId": "elder", "dateOfBirth": "1944-05-01", "schooling": "NONE", "pensionVnd": 0,
                              "noOneObligedToSupport": true}]}}""").expectStatus(200).json().get("decisions");
        assertThat(decision(poor, "POOR_HOUSEHOLD_LOAN", "HOUSEHOLD").get("entitlement").get("annualInterestPercent")
                .decimalValue()).isEqualByComparingTo("6.24");
        assertThat(decision(poor, "SOCIAL_ASSISTANCE", "elder").get("entitlement").get("monthlyAmountVnd").asLong())
                .isEqualTo(1_000_000);
        assertThat(decision(poor, "SOCIAL_PENSION", "elder")).as("not paid together with social assistance").isNull();
    }

    @Test
    void thePoliciesInForceOnADateAreListedWithTheirAmounts() {
        JsonNode before = Http.get("http://localhost:" + port + "/api/v1/policies?date=2025-06-30").json();
        JsonNode after = Http.get("http://localhost:" + port + "/api/v1/policies?date=2025-07-01").json();

        assertThat(before.findValuesAsString("code")).doesNotContain("SOCIAL_PENSION")
                .contains("HEALTH_INSURANCE_PREMIUM_PROVINCIAL");
        assertThat(after.findValuesAsString("code")).contains("SOCIAL_PENSION");
        assertThat(after.findValuesAsString("version")).contains("HEALTH_INSURANCE_PREMIUM_PROVINCIAL/26@2022-01-01",
                "HEALTH_INSURANCE_PREMIUM_PROVINCIAL/25@2021-01-01");
        assertThat(after.findValuesAsString("formerProvince")).contains("25", "26");
        assertThat(after.findValuesAsString("legalBasis")).allSatisfy(b -> assertThat(b).isNotBlank());
        for (JsonNode p : after) {
            assertThat(p.get("provisionalReason") == null || p.get("provisionalReason").isNull())
                    .as(p.get("version").asString()).isEqualTo(!p.get("provisional").asBoolean());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown class      | {"referenceDate":"2024-01-01","household":{"classification":"RICH","members":[{"personId":"a","dateOfBirth":"1980-01-01","schooling":"NONE"}]}} | household.classification
            no members         | {"referenceDate":"2024-01-01","household":{"classification":"POOR","members":[]}}                                                        | household.members
            born later         | {"referenceDate":"2024-01-01","household":{"classification":"POOR","members":[{"personId":"a","dateOfBirth":"2024-02-01","schooling":"NONE"}]}} | household.members[0].dateOfBirth
            twice the person   | {"referenceDate":"2024-01-01","household":{"classification":"POOR","members":[{"personId":"a","dateOfBirth":"1980-01-01","schooling":"NONE"},{"personId":"a","dateOfBirth":"1981-01-01","schooling":"NONE"}]}} | household.members[1].personId
            unknown schooling  | {"referenceDate":"2024-01-01","household":{"classification":"POOR","members":[{"personId":"a","dateOfBirth":"1980-01-01","schooling":"PHD"}]}} | household.members[0].schooling
            unknown field      | {"referenceDate":"2024-01-01","household":{"classification":"POOR","income":1,"members":[{"personId":"a","dateOfBirth":"1980-01-01","schooling":"NONE"}]}} | household.income
            poor but escaped   | {"referenceDate":"2024-01-01","household":{"classification":"POOR","escapedPovertyOn":"2023-01-01","members":[{"personId":"a","dateOfBirth":"1980-01-01","schooling":"NONE"}]}} | household.escapedPovertyOn
            no date            | {"household":{"classification":"POOR","members":[{"personId":"a","dateOfBirth":"1980-01-01","schooling":"NONE"}]}}                    | referenceDate
            negative pension   | {"referenceDate":"2024-01-01","household":{"classification":"POOR","members":[{"personId":"a","dateOfBirth":"1950-01-01","schooling":"NONE","pensionVnd":-1}]}} | household.members[0].pensionVnd
            pension both ways  | {"referenceDate":"2024-01-01","household":{"classification":"POOR","members":[{"personId":"a","dateOfBirth":"1950-01-01","schooling":"NONE","pensionVnd":0,"hasPension":true}]}} | household.members[0].hasPension
            too much power     | {"referenceDate":"2024-01-01","household":{"classification":"POOR","electricityKwhPerMonth":100001,"members":[{"personId":"a","dateOfBirth":"1950-01-01","schooling":"NONE"}]}} | household.electricityKwhPerMonth
            """)
    void badInputIsA400NamingTheField(String what, String body, String field) {
        Http.Response response = evaluate(body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }
}
