package vn.giamngheo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.Message;
import org.springframework.test.context.TestPropertySource;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventType;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Samples;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.benefit.BenefitRevoked;
import vn.giamngheo.contracts.benefit.Entitlement;
import vn.giamngheo.contracts.card.InsuranceCardIssued;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.platform.messaging.BatchEventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.SampleMessages;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TopicProbe;

/**
 * The publisher's side of the benefit.* golden samples: the household samples go in, and what policy-service publishes
 * equals the benefit samples. Its own database and consumer group keep other tests' households out.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"giamngheo.service-name=policy-golden", "spring.mongodb.database=policy-golden"})
class BenefitSamplesIT {

    @Autowired
    BatchEventDispatcher householdEvents;

    @Autowired
    BatchEventDispatcher insuranceCardEvents;

    @Autowired
    BatchEventDispatcher benefitEvents;

    @Autowired
    EventMetrics metrics;

    @LocalServerPort
    int port;

    private static byte[] published(EventType<?> type) {
        String key = Samples.envelope(type).subject();
        ConsumerRecord<String, byte[]> record = TopicProbe.await(Topics.BENEFIT_EVENTS, r -> key.equals(r.key())
                && "/policy-golden".equals(TopicProbe.header(r, CloudEventHeaders.SOURCE))
                && type.ceType().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(30))
                .getFirst();
        return record.value();
    }

    private static void assertSample(EventType<?> type) {
        byte[] actual = published(type);
        assertThat(EventCodec.sameJson(actual, Samples.payloadBytes(type)))
                .as("%s published as %s", type, new String(actual, StandardCharsets.UTF_8)).isTrue();
    }

    @Test
    void theHouseholdSamplesProduceTheBenefitSamples() {
        poll(householdEvents, SampleMessages.of(EventTypes.HOUSEHOLD_REGISTERED));
        poll(householdEvents, SampleMessages.of(EventTypes.HOUSEHOLD_RECLASSIFIED));

        assertSample(EventTypes.BENEFIT_GRANTED);

        // A year later the review makes the household near-poor.
        HouseholdReclassified sample = Samples.envelope(EventTypes.HOUSEHOLD_RECLASSIFIED).data();
        HouseholdReclassified nearPoor = new HouseholdReclassified(sample.householdId(), 5, sample.unitCode(),
                HouseholdClass.POOR, HouseholdClass.NEAR_POOR, Transition.ESCAPED_POVERTY, sample.standard(),
                "140/QĐ-UBND", LocalDate.parse("2027-12-16"), LocalDate.parse("2028-01-01"),
                LocalDate.parse("2030-12-15"));
        poll(householdEvents, SampleMessages.of(new EventEnvelope<>("a-year-later", "/household-service",
                EventTypes.HOUSEHOLD_RECLASSIFIED, sample.householdId(), Instant.parse("2027-12-16T08:00:00Z"),
                nearPoor)));

        assertSample(EventTypes.BENEFIT_CHANGED);
        assertSample(EventTypes.BENEFIT_REVOKED);

        // Social Security's answers close the loop on the health-insurance decision (consumer side of the card samples).
        poll(insuranceCardEvents, SampleMessages.of(EventTypes.INSURANCE_CARD_REQUESTED));
        poll(insuranceCardEvents, SampleMessages.of(EventTypes.INSURANCE_CARD_ISSUED));
        poll(insuranceCardEvents, SampleMessages.of(EventTypes.INSURANCE_CARD_REQUESTED));
        poll(insuranceCardEvents, SampleMessages.of(EventTypes.INSURANCE_CARD_FAILED));

        String decisionId = Samples.envelope(EventTypes.BENEFIT_GRANTED).subject();
        JsonNode card = null;
        for (JsonNode view : Http.get("http://localhost:" + port + "/api/v1/households/" + sample.householdId()
                + "/decisions").json()) {
            if (view.get("decision").get("id").asString().equals(decisionId)) {
                card = view.get("card");
            }
        }
        assertThat(card.get("status").asString()).isEqualTo("ISSUED");
        assertThat(card.get("cardNumber").asString()).isEqualTo("HN2252520012345");
        assertThat(metrics.count("giamngheo.events.duplicate", EventTypes.INSURANCE_CARD_REQUESTED.ceType()))
                .isEqualTo(1);
    }

    /**
     * Consumer side of the benefit samples: a decision no rule here reads is ignored; one a rule reads (the social
     * pension, for the premium) is what its person receives, from its first day to the day before its revocation.
     */
    @Test
    void benefitEventsAreReceiptsWhenTheRulesReadThem() {
        double ignored = metrics.count("giamngheo.events.ignored", EventTypes.BENEFIT_GRANTED.ceType());
        double duplicates = metrics.count("giamngheo.events.duplicate", EventTypes.BENEFIT_GRANTED.ceType());
        poll(benefitEvents, SampleMessages.of(EventTypes.BENEFIT_GRANTED));
        assertThat(metrics.count("giamngheo.events.ignored", EventTypes.BENEFIT_GRANTED.ceType()))
                .isEqualTo(ignored + 1);

        String householdId = EventFixtures.newId();
        var registered = EventFixtures.householdRegistered(householdId, "08707");
        String personId = registered.data().members().getFirst().personId();
        var sample = Samples.envelope(EventTypes.BENEFIT_GRANTED).data();
        String decisionId = "SOCIAL_PENSION:" + personId + ":2027-01-01";
        var granted = new BenefitGranted(decisionId, 1, "SOCIAL_PENSION",
                "SOCIAL_PENSION@2025-07-01", "LABOUR", householdId, personId, LocalDate.parse("2027-01-01"), null,
                new Entitlement("CASH", null, 500_000L, "MONTHLY", null, null),
                sample.reason());
        var revokedSample = Samples.envelope(EventTypes.BENEFIT_REVOKED).data();
        var revoked = new BenefitRevoked(decisionId, 2, "SOCIAL_PENSION", "LABOUR",
                householdId, personId, LocalDate.parse("2028-01-01"), revokedSample.reason());
        // The decisions' events before the household's own, and the revocation first: a receipt is kept whatever
        // the order of arrival.
        poll(benefitEvents, SampleMessages.of(new EventEnvelope<>("revoked", "/policy-service/LABOUR",
                EventTypes.BENEFIT_REVOKED, decisionId, Instant.parse("2027-12-16T08:00:05Z"), revoked)));
        poll(benefitEvents, SampleMessages.of(new EventEnvelope<>("granted", "/policy-service/LABOUR",
                EventTypes.BENEFIT_GRANTED, decisionId, Instant.parse("2026-12-15T08:00:05Z"), granted)));
        poll(benefitEvents, SampleMessages.of(new EventEnvelope<>("granted", "/policy-service/LABOUR",
                EventTypes.BENEFIT_GRANTED, decisionId, Instant.parse("2026-12-15T08:00:05Z"), granted)));
        // Before the household's own events came, the receipts alone make no household here.
        assertThat(Http.get("http://localhost:" + port + "/api/v1/households/" + householdId).status())
                .isEqualTo(404);
        poll(householdEvents, SampleMessages.of(registered));

        JsonNode receipt = Http.get("http://localhost:" + port + "/api/v1/households/" + householdId).json()
                .get("receives").get(0);
        assertThat(receipt.get("policyCode").asString()).isEqualTo("SOCIAL_PENSION");
        assertThat(receipt.get("personId").asString()).isEqualTo(personId);
        assertThat(receipt.get("from").asString()).isEqualTo("2027-01-01");
        assertThat(receipt.get("to").asString()).isEqualTo("2027-12-31");
        assertThat(metrics.count("giamngheo.events.duplicate", EventTypes.BENEFIT_GRANTED.ceType()))
                .isEqualTo(duplicates + 1);
    }

    @Test
    void cardEventsAboutAnotherInstancesDecisionAreIgnored() {
        poll(insuranceCardEvents, SampleMessages.of(new EventEnvelope<>("elsewhere", "/notification-service",
                EventTypes.INSURANCE_CARD_ISSUED, "card:SOMEONE:ELSE:1", Instant.parse("2027-01-02T00:00:00Z"),
                new InsuranceCardIssued("card:SOMEONE:ELSE:1", 2, "h", "p",
                        "TUITION_EXEMPTION:p:2027-01-01", "HN0000000000001", LocalDate.parse("2027-01-01"),
                        LocalDate.parse("2027-12-31")))));

        assertThat(metrics.count("giamngheo.events.ignored", EventTypes.INSURANCE_CARD_ISSUED.ceType())).isEqualTo(1);
    }

    /** Requests of one decision travel on different partitions: a late, older request must not hide the newer card. */
    @Test
    void aLateEventOfAnOlderCardRequestDoesNotHideTheNewerCard() {
        String householdId = EventFixtures.newId();
        var registered = EventFixtures.householdRegistered(householdId, "08707");
        poll(householdEvents, SampleMessages.of(registered));
        poll(householdEvents, SampleMessages.of(EventFixtures.householdReclassified(
                householdId, 2, null, HouseholdClass.POOR, Transition.INITIAL, LocalDate.parse("2027-01-02"),
                LocalDate.parse("2027-01-02"))));
        String personId = registered.data().members().getFirst().personId();
        String decisionId = "HEALTH_INSURANCE_PREMIUM:" + personId + ":2027-01-02";
        String newer = "card:" + decisionId + ":2";
        String older = "card:" + decisionId + ":1";
        poll(insuranceCardEvents, SampleMessages.of(new EventEnvelope<>("newer-issued", "/notification-service",
                EventTypes.INSURANCE_CARD_ISSUED, newer, Instant.parse("2027-02-01T00:00:00Z"),
                new InsuranceCardIssued(newer, 2, householdId, personId, decisionId,
                        "CN3250000000002", LocalDate.parse("2027-02-01"), LocalDate.parse("2028-01-31")))));
        poll(insuranceCardEvents, SampleMessages.of(new EventEnvelope<>("older-issued", "/notification-service",
                EventTypes.INSURANCE_CARD_ISSUED, older, Instant.parse("2027-01-05T00:00:00Z"),
                new InsuranceCardIssued(older, 2, householdId, personId, decisionId,
                        "HN2250000000001", LocalDate.parse("2027-01-02"), LocalDate.parse("2028-01-01")))));

        JsonNode card = null;
        for (JsonNode view : Http.get("http://localhost:" + port + "/api/v1/households/" + householdId
                + "/decisions").json()) {
            if (view.get("decision").get("id").asString().equals(decisionId)) {
                card = view.get("card");
            }
        }
        assertThat(card.get("requestId").asString()).isEqualTo(newer);
        assertThat(card.get("cardNumber").asString()).isEqualTo("CN3250000000002");
    }

    /** A record as the binding in batch mode gets it: a poll of one. */
    private static void poll(BatchEventDispatcher binding, Message<byte[]> record) {
        binding.accept(SampleMessages.batch(record));
    }
}
