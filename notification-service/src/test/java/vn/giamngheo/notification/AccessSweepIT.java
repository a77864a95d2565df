package vn.giamngheo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.testsupport.AccessSweep.Scope.ALL_UNITS;
import static vn.giamngheo.testsupport.AccessSweep.Scope.HOUSEHOLD;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.testsupport.AccessSweep;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.MongoState;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;
import vn.giamngheo.testsupport.TopicProbe;

/**
 * Every endpoint of notification-service × every area-bound role × a household inside and outside the token's units
 * (issue 20). The probe found an officer of 08707 setting the phone number of a household of 08716 — whose SMS then
 * went to the caller — and contacts taken for households that do not exist.
 */
@ServiceIntegrationTest
class AccessSweepIT extends OutsideWorld {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MongoDatabase database;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void publish(EventEnvelope<?> event) {
        TopicProbe.publish(event, EventCodec.writePayload(event.data()));
    }

    /**
     * A household of {@code unit} with a phone number, a health-insurance card issued by BHXH for its head and the SMS
     * about its electricity support delivered: the ids of each.
     */
    Map<String, String> householdWithCardAndMessage(String unit) {
        String id = EventFixtures.newId();
        EventEnvelope<HouseholdRegistered> registered = EventFixtures.householdRegistered(id, unit);
        publish(registered);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                Http.get(url("/api/v1/households/" + id + "/events")).status() == 200);
        Http.put(url("/api/v1/contacts/households/" + id), "{\"phone\":\"0912345678\"}").expectStatus(200);
        String person = registered.data().members().getFirst().personId();
        String premium = "HEALTH_INSURANCE_PREMIUM:" + person + ":2026-12-01";
        publish(new EventEnvelope<>(EventFixtures.newId(), "/policy-service", EventTypes.BENEFIT_GRANTED, premium,
                Instant.now(), new BenefitGranted(premium, 1, "HEALTH_INSURANCE_PREMIUM",
                        "HEALTH_INSURANCE_PREMIUM@2025-08-15", "HEALTH_INSURANCE", id, person,
                        LocalDate.parse("2026-12-01"), null,
                        new Entitlement("PREMIUM_SHARE", 100, null, null, null, null), "Hộ nghèo.")));
        String electricity = "ELECTRICITY_SUPPORT:" + id + ":2026-12-01";
        publish(new EventEnvelope<>(EventFixtures.newId(), "/policy-service", EventTypes.BENEFIT_GRANTED, electricity,
                Instant.now(), new BenefitGranted(electricity, 1, "ELECTRICITY_SUPPORT",
                        "ELECTRICITY_SUPPORT@2022-01-01", "LABOUR", id, null, LocalDate.parse("2026-12-01"), null,
                        new Entitlement("CASH", null, 59_520L, "QUARTERLY", null, null), "Hộ nghèo.")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode cards = Http.get(url("/api/v1/card-requests?householdId=" + id)).json();
            JsonNode messages = Http.get(url("/api/v1/messages?householdId=" + id)).json();
            return cards.size() == 1 && cards.get(0).get("status").asString().equals("ISSUED")
                    && messages.findValuesAsString("status").stream().anyMatch("DELIVERED"::equals)
                    && messages.findValuesAsString("status").stream().noneMatch(s -> s.equals("QUEUED")
                            || s.equals("SENT"));
        });
        return Map.of("householdId", id, "unit", unit, "officer", "ward-" + unit,
                "cardRequest", Http.get(url("/api/v1/card-requests?householdId=" + id)).json().get(0).get("id")
                        .asString(),
                "message", Http.get(url("/api/v1/messages?householdId=" + id)).json().get(0).get("id").asString());
    }

    @Test
    void anOfficerOfOneWardNeitherReadsNorChangesAnythingOfAnotherWardsHousehold() {
        Map<String, String> inside = householdWithCardAndMessage("08707");
        Map<String, String> outside = householdWithCardAndMessage("08716");
        AccessSweep.of(port, mappings)
                .callers(AccessSweep.areaBoundCallers("08707", "HEALTH_INSURANCE"))
                .inside(inside).outside(outside)
                // The signatures of partners' callbacks are forgotten on a timer of their own.
                .state(MongoState.of(database, "callback_signatures"))
                // Partners' signed callbacks: no token; the signature is checked by the endpoint.
                .open("POST /api/v1/bhxh/card-callbacks", "POST /api/v1/sms/delivery-reports")
                .call(HOUSEHOLD, "PUT", "/api/v1/contacts/households/{householdId}", "{\"phone\":\"0987000111\"}")
                .get(HOUSEHOLD, "/api/v1/contacts/households/{householdId}")
                .get(HOUSEHOLD, "/api/v1/card-requests?householdId={householdId}")
                .get(ALL_UNITS, "/api/v1/card-requests")
                .get(ALL_UNITS, "/api/v1/card-requests?unitCode={unit}&status=ISSUED&order=newest")
                .get(HOUSEHOLD, "/api/v1/card-requests/{cardRequest}")
                .call(HOUSEHOLD, "POST", "/api/v1/card-requests/{cardRequest}/retry", "{}")
                // A household's messages: also its commune's officer and chairman (read only).
                .get(HOUSEHOLD, "/api/v1/messages?householdId={householdId}")
                .get(HOUSEHOLD, "/api/v1/messages/{message}")
                // Resending, every message, officers' contacts, the events seen and the audit: the Labour office and
                // the administrator.
                .get(ALL_UNITS, "/api/v1/households/{householdId}/events")
                .get(ALL_UNITS, "/api/v1/messages")
                .get(ALL_UNITS, "/api/v1/messages?unitCode={unit}&order=newest")
                .call(ALL_UNITS, "POST", "/api/v1/messages/{message}/resend", "{}")
                .call(ALL_UNITS, "PUT", "/api/v1/contacts/officers/{officer}",
                        "{\"name\":\"Nguyễn Thị Hoa\",\"email\":\"hoa@vinhyen.local\",\"units\":[\"08716\"]}")
                .get(ALL_UNITS, "/api/v1/contacts/officers")
                .get(ALL_UNITS, "/api/v1/audit?householdId={householdId}")
                .deadLetters()
                .run();
    }

    /** The lists the portal's pages filter by commune, newest first; a malformed filter names its field. */
    @Test
    void theListsFilterByCommuneNewestFirst() {
        Map<String, String> first = householdWithCardAndMessage("08716");
        Map<String, String> second = householdWithCardAndMessage("08716");
        Map<String, String> elsewhere = householdWithCardAndMessage("08707");
        JsonNode cards = Http.get(url("/api/v1/card-requests?unitCode=08716&order=newest")).json();
        List<String> ids = cards.findValuesAsString("id");
        assertThat(ids).contains(first.get("cardRequest"), second.get("cardRequest"))
                .doesNotContain(elsewhere.get("cardRequest"));
        assertThat(ids.indexOf(second.get("cardRequest"))).isLessThan(ids.indexOf(first.get("cardRequest")));
        List<String> oldestFirst = Http.get(url("/api/v1/card-requests?unitCode=08716")).json()
                .findValuesAsString("id");
        assertThat(oldestFirst.indexOf(first.get("cardRequest")))
                .isLessThan(oldestFirst.indexOf(second.get("cardRequest")));
        List<String> messages = Http.get(url("/api/v1/messages?unitCode=08716&order=newest")).json()
                .findValuesAsString("householdId");
        assertThat(messages).contains(first.get("householdId"), second.get("householdId"))
                .doesNotContain(elsewhere.get("householdId"));
        assertThat(messages.indexOf(second.get("householdId"))).isLessThan(messages.indexOf(first.get("householdId")));
        Http.Response badUnit = Http.get(url("/api/v1/card-requests?unitCode=8716"));
        assertThat(badUnit.status()).isEqualTo(400);
        assertThat(badUnit.body()).contains("\"field\":\"unitCode\"");
        Http.Response badOrder = Http.get(url("/api/v1/messages?order=sideways"));
        assertThat(badOrder.status()).isEqualTo(400);
        assertThat(badOrder.body()).contains("\"field\":\"order\"");
    }

    /** The probe's request, as it made it, and a contact for a household that does not exist. */
    @Test
    void aWardOfficerCannotRedirectAnotherWardsSmsAndContactsNeedARegisteredHousehold() {
        Map<String, String> outside = householdWithCardAndMessage("08716");
        String id = outside.get("householdId");
        Http.Response redirected = Http.as(TestTokens.role("WARD_OFFICER", "08707"), () -> Http.put(
                url("/api/v1/contacts/households/" + id), "{\"phone\":\"0987000111\"}"));
        assertThat(redirected.status()).isEqualTo(403);
        assertThat(redirected.body()).contains("not in the units you act for").doesNotContain("08716");
        assertThat(Http.get(url("/api/v1/contacts/households/" + id)).json().get("phone").asString())
                .isEqualTo("+8491****678");
        assertThat(Http.as(TestTokens.role("WARD_OFFICER", "08716"), () -> Http.put(
                url("/api/v1/contacts/households/" + id), "{\"phone\":\"0987000111\"}")).status()).isEqualTo(200);

        String nobody = EventFixtures.newId();
        Http.Response unknown = Http.put(url("/api/v1/contacts/households/" + nobody), "{\"phone\":\"0987000111\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(Http.get(url("/api/v1/contacts/households/" + nobody)).status()).isEqualTo(404);
    }
}
