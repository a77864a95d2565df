package vn.giamngheo.platform.messaging;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.cloud.stream.binder.kafka.support.ConsumerConfigCustomizer;

/**
 * Static consumer-group membership (Kafka's {@code group.instance.id}) for every binding of a replica that has a
 * stable instance id. A replica restarted after a crash then takes back its own partitions at once; with dynamic
 * membership they stay unprocessed until the group's session timeout (45 s) has expired the dead members.
 *
 * <p>The id is {@code <instance id>.<binding name>}: the bindings of one service share its consumer group, so the
 * binding name keeps their members apart, and spring-kafka appends {@code -0}, {@code -1}, … per consumer thread of a
 * binding. Without an instance id nothing is set and membership stays dynamic: two processes started with the same
 * static id would fence each other out of the group.
 */
public final class StaticGroupMembership implements ConsumerConfigCustomizer {

    private final String instanceId;

    /** @param instanceId this replica's stable id (e.g. the pod name); null or blank for dynamic membership */
    public StaticGroupMembership(String instanceId) {
        this.instanceId = instanceId == null ? "" : instanceId.strip();
    }

    @Override
    public void configure(Map<String, Object> consumerProperties, String bindingName, String destination) {
        if (!instanceId.isEmpty()) {
            consumerProperties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                    instanceId + "." + (bindingName != null ? bindingName : destination));
        }
    }
}
