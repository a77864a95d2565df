package vn.giamngheo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.benefit.BenefitChanged;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TopicProbe;

/** Review decisions on household.events become benefit decisions on benefit.events, through the real broker. */
@ServiceIntegrationTest
class AutomaticDecisionsIT {

    @LocalServerPort
    int port;

    @Autowired
    EventMetrics metrics;

    private static void publish(EventEnvelope<?> event) {
        TopicProbe.publish(event, EventCodec.writePayload(event.data()));
    }

    private static List<ConsumerRecord<String, byte[]>> benefitEvents(String householdId, int atLeast) {
        return TopicProbe.await(Topics.BENEFIT_EVENTS, r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains("\"householdId\":\"" + householdId + "\""), atLeast, Duration.ofSeconds(30));
    }

    private static Map<String, Long> countByType(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().collect(Collectors.groupingBy(r -> TopicProbe.header(r, CloudEventHeaders.TYPE),
                Collectors.counting()));
    }

    @Test
    void aHouseholdMadePoorGetsItsGrantsAndANearPoorDecisionAYearLaterChangesAndRevokesThem() {
        String id = EventFixtures.newId();
        publish(EventFixtures.householdRegistered(id, "08707"));
        EventEnvelope<HouseholdReclassified> poor = EventFixtures.householdReclassified(id, 2, null,
                HouseholdClass.POOR, Transition.INITIAL, LocalDate.parse("2023-12-15"), LocalDate.parse("2024-01-01"));
        publish(poor);

        List<ConsumerRecord<String, byte[]>> granted = benefitEvents(id, 7);
        assertThat(countByType(granted)).containsEntry(EventTypes.BENEFIT_GRANTED.ceType(), 7L);
        List<BenefitGranted> grants = granted.stream()
                .map(r -> EventCodec.readPayload(r.value(), EventTypes.BENEFIT_GRANTED)).toList();
        assertThat(grants).filteredOn(g -> g.policyCode().equals("HEALTH_INSURANCE_PREMIUM")).hasSize(3)
                .allSatisfy(g -> {
                    assertThat(g.entitlement().sharePercent()).isEqualTo(100);
                    assertThat(g.validFrom()).isEqualTo(LocalDate.parse("2024-01-01"));
                    assertThat(g.decisionId()).isEqualTo("HEALTH_INSURANCE_PREMIUM:" + g.personId() + ":2024-01-01");
                });
        assertThat(grants).filteredOn(g -> g.policyCode().equals("ELECTRICITY_SUPPORT")).singleElement()
                .satisfies(g -> {
                    assertThat(g.personId()).isNull();
                    assertThat(g.decisionId()).isEqualTo("ELECTRICITY_SUPPORT:" + id + ":2024-01-01");
                    assertThat(g.entitlement().amountVnd()).isEqualTo(54_180L);
                });
        assertThat(grants).filteredOn(g -> g.policyCode().equals("LEGAL_AID")).hasSize(3);
        assertThat(grants).noneMatch(g -> g.policyCode().equals("POOR_HOUSEHOLD_LOAN"));

        // The same decision delivered again: no second grant.
        double duplicates = metrics.count("giamngheo.events.duplicate", EventTypes.HOUSEHOLD_RECLASSIFIED.ceType());
        publish(poor);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> metrics.count("giamngheo.events.duplicate",
                EventTypes.HOUSEHOLD_RECLASSIFIED.ceType()) >= duplicates + 1);

        publish(EventFixtures.householdReclassified(id, 3, HouseholdClass.POOR, HouseholdClass.NEAR_POOR,
                Transition.ESCAPED_POVERTY, LocalDate.parse("2024-12-10"), LocalDate.parse("2025-01-01")));

        List<ConsumerRecord<String, byte[]>> all = benefitEvents(id, 7 + 3 + 3 + 1 + 3);
        Map<String, Long> types = countByType(all);
        assertThat(types).containsEntry(EventTypes.BENEFIT_GRANTED.ceType(), 7L + 3)
                .containsEntry(EventTypes.BENEFIT_CHANGED.ceType(), 3L)
                .containsEntry(EventTypes.BENEFIT_REVOKED.ceType(), 1L + 3);
        assertThat(all.stream().filter(r -> TopicProbe.header(r, CloudEventHeaders.TYPE)
                .equals(EventTypes.BENEFIT_CHANGED.ceType()))
                .map(r -> EventCodec.readPayload(r.value(), EventTypes.BENEFIT_CHANGED)).toList())
                .allSatisfy((BenefitChanged c) -> {
                    assertThat(c.previous().sharePercent()).isEqualTo(100);
                    assertThat(c.current().sharePercent()).isEqualTo(70);
                    assertThat(c.effectiveDate()).isEqualTo(LocalDate.parse("2025-01-01"));
                    assertThat(c.sequence()).isEqualTo(2);
                });
        // Changes and revocations update the decisions they concern: 3 premium + 3 provincial top-up stay active.
        List<String> statuses = Http.get("http://localhost:" + port + "/api/v1/households/" + id + "/decisions")
                .json().findValuesAsString("status");
        assertThat(statuses).hasSize(10);
        assertThat(statuses.stream().filter("ACTIVE"::equals)).hasSize(6);
        assertThat(statuses.stream().filter("REVOKED"::equals)).hasSize(4);
    }
}
