package vn.giamngheo.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JacksonModule;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.platform.deadletters.DeadLetters;
import vn.giamngheo.platform.dependencies.DependencyProperties;
import vn.giamngheo.platform.dependencies.Unavailable;
import vn.giamngheo.platform.dependencies.UntilAvailable;
import vn.giamngheo.platform.messaging.BatchDeadLetters;
import vn.giamngheo.platform.messaging.BatchEventDispatcher;
import vn.giamngheo.platform.messaging.EventDispatcher;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.messaging.StaticGroupMembership;
import vn.giamngheo.platform.mongo.MongoPingHealthIndicator;
import vn.giamngheo.platform.mongo.MongoTimeouts;
import vn.giamngheo.platform.outbox.Outbox;
import vn.giamngheo.platform.outbox.OutboxRelay;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.rules.RuleFiles;
import vn.giamngheo.platform.security.AreaAccess;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.platform.web.PlainText;
import vn.giamngheo.platform.web.ProblemDetailsAdvice;

/** The shared mechanics of design §4, wired once for every service. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration"})
@EnableConfigurationProperties({PlatformProperties.class, DependencyProperties.class})
public class PlatformAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock(PlatformProperties properties) {
        return Clock.system(ZoneId.of(properties.timeZone()));
    }

    /** The dated administrative units every service decides area access and areas from. */
    @Bean
    @ConditionalOnMissingBean
    UnitCatalog unitCatalog(PlatformProperties properties, ResourcePatternResolver resolver) {
        return UnitCatalog.load(RuleFiles.resolve(resolver, properties.units()));
    }

    @Bean
    @ConditionalOnMissingBean
    AreaAccess areaAccess(UnitCatalog units, Clock clock) {
        return new AreaAccess(units, clock);
    }

    @Bean
    EventMetrics eventMetrics(MeterRegistry registry) {
        return new EventMetrics(registry);
    }

    @Bean
    Outbox outbox(PlatformProperties properties, Clock clock) {
        return new Outbox("/" + properties.serviceName(), clock);
    }

    /** The service's own database: {@code spring.mongodb.database}, else the one named in the connection string. */
    @Bean
    @ConditionalOnMissingBean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties, MongoConnectionDetails details) {
        String name = properties.getDatabase() != null ? properties.getDatabase()
                : details.getConnectionString().getDatabase();
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("No MongoDB database: set spring.mongodb.database");
        }
        return client.getDatabase(name);
    }

    /** Also the customizer that sets the client's timeouts, before Boot creates the client. */
    @Bean
    MongoTimeouts mongoTimeouts(DependencyProperties dependencies) {
        return new MongoTimeouts(dependencies.mongodb());
    }

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase database, MongoTimeouts timeouts) {
        return new MongoPingHealthIndicator(timeouts.forHealth(database));
    }

    @Bean
    UntilAvailable untilAvailable(DependencyProperties dependencies, MeterRegistry registry) {
        return new UntilAvailable(dependencies.backoff(), registry);
    }

    /**
     * Every dispatcher that is a bean is a binding: it waits out an unavailable dependency instead of letting the
     * binder count the failure toward dead-lettering (see {@link EventDispatcher}). Dispatchers built by hand for a
     * replay inside a request throw, so that their caller gets a 503.
     */
    @Bean
    static BeanPostProcessor bindingsWaitWhileUnavailable(ObjectProvider<UntilAvailable> untilAvailable) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof EventDispatcher dispatcher) {
                    return dispatcher.waitingWhileUnavailable(untilAvailable.getObject());
                }
                return bean instanceof BatchEventDispatcher dispatcher
                        ? dispatcher.waitingWhileUnavailable(untilAvailable.getObject()) : bean;
            }
        };
    }

    /**
     * A scheduled job (a sender's sweep, a reminder) that meets an unavailable dependency simply runs at its next
     * time: a warning line instead of a stack trace at every tick of the outage. Other errors are logged as before.
     */
    @Bean
    SimpleAsyncTaskSchedulerCustomizer jobsOutliveUnavailableDependencies() {
        return scheduler -> scheduler.setErrorHandler(PlatformAutoConfiguration::scheduledJobFailed);
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer pooledJobsOutliveUnavailableDependencies() {
        return scheduler -> scheduler.setErrorHandler(PlatformAutoConfiguration::scheduledJobFailed);
    }

    private static void scheduledJobFailed(Throwable failure) {
        Unavailable.of(failure).ifPresentOrElse(
                unavailable -> log.warn("A scheduled job did not run, {}; it runs again at its next time",
                        unavailable.summary()),
                () -> log.error("Unexpected error occurred in scheduled task", failure));
    }

    /** Its sweep reads and bulk removals touch up to a batch of aggregates: the long bound. */
    @Bean
    OutboxRelay outboxRelay(MongoDatabase database, MongoTimeouts timeouts, KafkaProperties kafka,
            KafkaConnectionDetails connection, PlatformProperties properties, EventMetrics metrics) {
        return new OutboxRelay(timeouts.forLongOperations(database), outboxProducer(kafka, connection, properties),
                properties.messaging().relay(), metrics);
    }

    private static Producer<String, byte[]> outboxProducer(KafkaProperties kafka, KafkaConnectionDetails connection,
            PlatformProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getProducer().getBootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, properties.serviceName() + "-outbox");
        // Design §4 rule 1: nothing is removed from the outbox before every replica has it, and a retried send
        // neither duplicates nor reorders records within a partition. These are invariants, not tunables.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new DefaultKafkaProducerFactory<String, byte[]>(config).createProducer();
    }

    /** The one way a service declares its aggregate collections and views (design §4a). */
    @Bean
    Aggregates aggregates(MongoDatabase database, MongoTimeouts timeouts, Outbox outbox, OutboxRelay relay) {
        return new Aggregates(database, timeouts::forLongOperations, outbox, relay);
    }

    /** Every topic is created explicitly with its partition count; auto-creation would give one partition. */
    @Bean
    KafkaAdmin.NewTopics platformTopics(PlatformProperties properties) {
        PlatformProperties.Messaging messaging = properties.messaging();
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            TopicBuilder builder = TopicBuilder.name(topic)
                    .partitions(messaging.partitions())
                    .replicas(messaging.replicationFactor());
            if (Topics.isCompacted(topic)) {
                builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            topics.add(builder.build());
        }
        for (String consumed : messaging.consumes()) {
            topics.add(TopicBuilder.name(Topics.deadLetter(consumed, messaging.consumerGroup()))
                    .partitions(messaging.partitions())
                    .replicas(messaging.replicationFactor())
                    .build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * Dead letters keep their original partition (the dead-letter topic has as many), and each is counted by type.
     * The binder calls this once per record it gives up on.
     */
    @Bean
    DlqPartitionFunction dlqPartitionFunction(EventMetrics metrics) {
        return (group, record, exception) -> {
            Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
            metrics.deadLettered(type == null ? null : new String(type.value(), StandardCharsets.UTF_8));
            return record.partition();
        };
    }

    /**
     * Bindings in batch mode dead-letter the one record that fails, not the whole poll (see {@link BatchDeadLetters});
     * the binder passes each binding's dead-letter topic and back-off.
     */
    @Bean
    BatchDeadLetters batchDeadLetters(KafkaProperties kafka, KafkaConnectionDetails connection,
            PlatformProperties properties, EventMetrics metrics) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getProducer().getBootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, properties.serviceName() + "-dead-letters");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new BatchDeadLetters(new KafkaTemplate<>(new DefaultKafkaProducerFactory<byte[], byte[]>(config)),
                metrics);
    }

    /**
     * The dead letters of every binding with a dead-letter topic ({@code enable-dlq}), replayed into the function
     * bean of the binding's name (see {@link DeadLetters}).
     */
    @Bean
    DeadLetters deadLetters(BindingServiceProperties stream, PlatformProperties properties, ApplicationContext context,
            KafkaProperties kafka, KafkaConnectionDetails connection, MongoDatabase database, MongoTimeouts timeouts,
            Clock clock) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                connection.getConsumer().getBootstrapServers());
        return new DeadLetters(() -> deadLetterBindings(stream, properties, context), config,
                timeouts.forLongOperations(database), clock);
    }

    /** The bindings of the topics this service consumes; their dead-letter topics are the ones the platform makes. */
    private static List<DeadLetters.Binding> deadLetterBindings(BindingServiceProperties stream,
            PlatformProperties properties, ApplicationContext context) {
        List<DeadLetters.Binding> bindings = new ArrayList<>();
        stream.getBindings().forEach((name, binding) -> {
            if (!name.matches(".+-in-\\d+") || !properties.messaging().consumes().contains(binding.getDestination())) {
                return;
            }
            String function = name.substring(0, name.lastIndexOf("-in-"));
            bindings.add(new DeadLetters.Binding(function, binding.getDestination(),
                    Topics.deadLetter(binding.getDestination(), properties.messaging().consumerGroup()),
                    (headers, payload) -> switch (context.getBean(function)) {
                        case BatchEventDispatcher batch -> batch.replay(headers, payload);
                        case EventDispatcher single -> single.replay(headers, payload);
                        default -> throw new IllegalStateException("binding " + function + " is not a dispatcher");
                    }));
        });
        return bindings;
    }

    /** The Kafka binder applies this to every consumer binding's configuration before it creates its consumers. */
    @Bean
    StaticGroupMembership staticGroupMembership(PlatformProperties properties) {
        return new StaticGroupMembership(properties.messaging().instanceId());
    }

    /** Registered by Boot with the JSON mapper of every service: each text from outside composed and visible. */
    @Bean
    JacksonModule plainText() {
        return PlainText.module();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(DependencyProperties dependencies) {
        return new ProblemDetailsAdvice(dependencies.retryAfter());
    }
}
