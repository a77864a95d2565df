package vn.giamngheo.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class StaticGroupMembershipTest {

    @Test
    void eachBindingOfAReplicaGetsItsOwnStaticId() {
        StaticGroupMembership membership = new StaticGroupMembership("policy-service-7f9c");
        Map<String, Object> households = new HashMap<>();
        Map<String, Object> cards = new HashMap<>();

        membership.configure(households, "householdEvents-in-0", "household.events");
        membership.configure(cards, "insuranceCardEvents-in-0", "insurance-card.events");

        assertThat(households).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                "policy-service-7f9c.householdEvents-in-0");
        assertThat(cards).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                "policy-service-7f9c.insuranceCardEvents-in-0");
    }

    /** Two replicas started with one static id would fence each other: without an id, membership stays dynamic. */
    @Test
    void withoutAnInstanceIdMembershipStaysDynamic() {
        for (String unset : new String[] {null, "", "  "}) {
            Map<String, Object> config = new HashMap<>();

            new StaticGroupMembership(unset).configure(config, "householdEvents-in-0", "household.events");

            assertThat(config).as("instance id %s", unset).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        }
    }
}
