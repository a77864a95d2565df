package vn.giamngheo.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;
import vn.giamngheo.testsupport.TestInfrastructure;

/**
 * On the real broker, as the Kafka binder builds its consumers: one consumer factory per binding, configured by the
 * customizer, and a listener container with three consumer threads. Two bindings share the service's group.
 */
class StaticGroupMembershipIT {

    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();

    @AfterEach
    void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
    }

    @Test
    void everyConsumerThreadOfEveryBindingHasItsOwnStaticIdInTheServicesGroup() throws Exception {
        String suffix = UUID.randomUUID().toString();
        String group = "policy-service-" + suffix;
        Map<String, String> bindings = Map.of("householdEvents-in-0", "households-" + suffix,
                "insuranceCardEvents-in-0", "cards-" + suffix);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(bindings.values().stream().map(t -> new NewTopic(t, 6, (short) 1)).toList())
                    .all().get();
            StaticGroupMembership membership = new StaticGroupMembership("replica-7");
            bindings.forEach((binding, topic) -> containers.add(start(membership, group, binding, topic)));

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> members(admin, group).size() == 6
                    && members(admin, group).stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty()));

            assertThat(members(admin, group)).extracting(MemberDescription::groupInstanceId)
                    .containsExactlyInAnyOrder(
                            Optional.of("replica-7.householdEvents-in-0-0"),
                            Optional.of("replica-7.householdEvents-in-0-1"),
                            Optional.of("replica-7.householdEvents-in-0-2"),
                            Optional.of("replica-7.insuranceCardEvents-in-0-0"),
                            Optional.of("replica-7.insuranceCardEvents-in-0-1"),
                            Optional.of("replica-7.insuranceCardEvents-in-0-2"));
        }
    }

    private static ConcurrentMessageListenerContainer<String, byte[]> start(StaticGroupMembership membership,
            String group, String binding, String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        membership.configure(config, binding, topic);
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setMessageListener((MessageListener<String, byte[]>) record -> { });
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(config), properties);
        container.setConcurrency(3);
        container.start();
        return container;
    }

    private static List<MemberDescription> members(Admin admin, String group) throws Exception {
        return List.copyOf(admin.describeConsumerGroups(List.of(group)).all().get().get(group).members());
    }
}
