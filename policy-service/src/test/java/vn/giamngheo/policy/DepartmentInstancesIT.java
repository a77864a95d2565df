package vn.giamngheo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import vn.giamngheo.testsupport.TestInfrastructureConfiguration;
import vn.giamngheo.testsupport.TopicProbe;

/**
 * Two departments run their own policy-service instance side by side, each with its own database and consumer group;
 * each decides only its own policies for the same household event.
 */
class DepartmentInstancesIT {

    private static ConfigurableApplicationContext healthInsurance;
    private static ConfigurableApplicationContext labour;

    private static ConfigurableApplicationContext instance(String name, String departments) {
        // Command-line arguments outrank application.yml, as an operator's settings would.
        return new SpringApplicationBuilder(PolicyServiceApplication.class, TestInfrastructureConfiguration.class)
                .run("--server.port=0", "--giamngheo.service-name=" + name, "--spring.mongodb.database=" + name,
                        "--policy.departments=" + departments);
    }

    @BeforeAll
    static void startTwoInstances() {
        healthInsurance = instance("policy-health-insurance", "HEALTH_INSURANCE");
        labour = instance("policy-labour", "LABOUR");
    }

    @AfterAll
    static void stop() {
        healthInsurance.close();
        labour.close();
    }

    private static void publish(EventEnvelope<?> event) {
        TopicProbe.publish(event, EventCodec.writePayload(event.data()));
    }

    @Test
    void eachInstanceDecidesOnlyItsDepartmentsPolicies() {
        String id = EventFixtures.newId();
        publish(EventFixtures.householdRegistered(id, "08707"));
        // Effective next month: no day that matters lies between it and today, so only grants follow.
        LocalDate effective = LocalDate.now().plusMonths(1).withDayOfMonth(1);
        publish(EventFixtures.householdReclassified(id, 2, null, HouseholdClass.POOR, Transition.INITIAL,
                effective.minusDays(10), effective));

        // 3 premium grants from the health-insurance instance; electricity from labour (no social assistance: no one is 60).
        // Other test contexts in this JVM (all departments, group policy-service) decide too: only these two count.
        List<ConsumerRecord<String, byte[]>> grants = TopicProbe.await(Topics.BENEFIT_EVENTS,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"householdId\":\"" + id + "\"")
                        && List.of("/policy-health-insurance", "/policy-labour")
                                .contains(TopicProbe.header(r, CloudEventHeaders.SOURCE)), 4,
                Duration.ofSeconds(30));

        assertThat(grants).allSatisfy(r -> assertThat(TopicProbe.header(r, CloudEventHeaders.TYPE))
                .isEqualTo(EventTypes.BENEFIT_GRANTED.ceType()));
        assertThat(grants).filteredOn(r -> TopicProbe.header(r, CloudEventHeaders.SOURCE)
                .equals("/policy-health-insurance")).hasSize(3).allSatisfy(r -> assertThat(
                EventCodec.readPayload(r.value(), EventTypes.BENEFIT_GRANTED).department())
                .isEqualTo("HEALTH_INSURANCE"));
        assertThat(grants).filteredOn(r -> TopicProbe.header(r, CloudEventHeaders.SOURCE).equals("/policy-labour"))
                .extracting(r -> EventCodec.readPayload(r.value(), EventTypes.BENEFIT_GRANTED))
                .extracting(BenefitGranted::policyCode).containsExactly("ELECTRICITY_SUPPORT");
    }
}
