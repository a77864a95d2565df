package vn.giamngheo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.benefit.BenefitGranted;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.Transition;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.TestInfrastructureConfiguration;
import vn.giamngheo.testsupport.TopicProbe;

/**
 * A corrected policy file, deployed: the health-insurance instance ran with the file that ended the former Vĩnh Phúc
 * province's top-up on the merger (30 June 2025) and revoked it; restarted with the corrected files, its daily job
 * gives the top-up back from 1 July 2025, with its events, once.
 */
class CatalogCorrectionIT {

    private static final String NAME = "policy-correction-" + EventFixtures.newId().substring(0, 8);

    private static ConfigurableApplicationContext instance(String files) {
        return new SpringApplicationBuilder(PolicyServiceApplication.class, TestInfrastructureConfiguration.class)
                .run("--server.port=0", "--giamngheo.service-name=" + NAME, "--spring.mongodb.database=" + NAME,
                        "--policy.departments=HEALTH_INSURANCE", "--policy.files=" + files);
    }

    private static void publish(EventEnvelope<?> event) {
        TopicProbe.publish(event, EventCodec.writePayload(event.data()));
    }

    private static Predicate<ConsumerRecord<String, byte[]>> fromThisInstance(String householdId, String type) {
        return r -> ("/" + NAME).equals(TopicProbe.header(r, CloudEventHeaders.SOURCE))
                && type.equals(TopicProbe.header(r, CloudEventHeaders.TYPE))
                && new String(r.value(), StandardCharsets.UTF_8).contains("\"householdId\":\"" + householdId + "\"")
                && new String(r.value(), StandardCharsets.UTF_8).contains("HEALTH_INSURANCE_PREMIUM_PROVINCIAL");
    }

    @Test
    void householdsThatLostTheTopUpOnTheMergerGetItBackFromThatDay() {
        String id = EventFixtures.newId();
        try (ConfigurableApplicationContext before = instance("classpath:policies-before-issue-21/*.yaml")) {
            publish(EventFixtures.householdRegistered(id, "08707"));
            publish(EventFixtures.householdReclassified(id, "08707", 2, HouseholdClass.POOR,
                    HouseholdClass.NEAR_POOR, Transition.ESCAPED_POVERTY, LocalDate.parse("2024-12-10"),
                    LocalDate.parse("2025-01-01")));
            // The three members over six: granted from 1 January 2025, revoked from 1 July 2025.
            TopicProbe.await(Topics.BENEFIT_EVENTS, fromThisInstance(id, EventTypes.BENEFIT_REVOKED.ceType()), 3,
                    Duration.ofSeconds(30));
        }

        try (ConfigurableApplicationContext after = instance("classpath:policies/*.yaml")) {
            List<BenefitGranted> givenBack = TopicProbe.await(Topics.BENEFIT_EVENTS,
                    fromThisInstance(id, EventTypes.BENEFIT_GRANTED.ceType())
                            .and(r -> new String(r.value(), StandardCharsets.UTF_8).contains("2025-07-01")), 3,
                    Duration.ofSeconds(60)).stream()
                    .map(r -> EventCodec.readPayload(r.value(), EventTypes.BENEFIT_GRANTED)).toList();
            assertThat(givenBack).hasSize(3).allSatisfy(g -> {
                assertThat(g.validFrom()).isEqualTo(LocalDate.parse("2025-07-01"));
                assertThat(g.policyVersion()).isEqualTo("HEALTH_INSURANCE_PREMIUM_PROVINCIAL/26@2022-01-01");
                assertThat(g.entitlement().sharePercent()).isEqualTo(30);
            });

            // Another run, or a restart, gives nothing back twice.
            String port = after.getEnvironment().getProperty("local.server.port");
            Http.post("http://localhost:" + port + "/api/v1/decisions/daily-run", "").expectStatus(200);
            assertThat(TopicProbe.during(Topics.BENEFIT_EVENTS, fromThisInstance(id,
                    EventTypes.BENEFIT_GRANTED.ceType()), Duration.ofSeconds(2))).hasSize(6);
        }
    }
}
