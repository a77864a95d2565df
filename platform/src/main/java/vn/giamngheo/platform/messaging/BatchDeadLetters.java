package vn.giamngheo.platform.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import vn.giamngheo.contracts.CloudEventHeaders;

/**
 * Dead letters of the bindings in batch mode, one record at a time. The binder's own batch DLQ would send the whole
 * poll to the dead-letter topic when one record fails; here the container's error handler takes the index a
 * {@link BatchEventDispatcher} names in its {@link BatchListenerFailedException}, commits the records before it, tries
 * the failed one again as often as the binding's {@code max-attempts} says (with its back-off), then publishes it
 * alone to the binding's dead-letter topic, on its own partition, and goes on with the records after it.
 *
 * <p>The dead letter carries the same headers as the binder's (record mode) dead letters: {@code x-original-topic},
 * {@code -partition}, {@code -offset}, {@code x-exception-fqcn}, {@code x-exception-message}, so whoever reads a
 * dead-letter topic finds one format. Bindings in record mode keep the binder's retry and dead-lettering.
 */
public final class BatchDeadLetters implements ListenerContainerWithDlqAndRetryCustomizer {

    private final KafkaOperations<byte[], byte[]> template;
    private final EventMetrics metrics;

    public BatchDeadLetters(KafkaOperations<byte[], byte[]> template, EventMetrics metrics) {
        this.template = template;
        this.metrics = metrics;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        // only called by binders older than 4.2, which this platform does not run on
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (!properties.isBatchMode()) {
            return;
        }
        if (dlqDestinationResolver == null) {
            throw new IllegalStateException("binding " + properties.getBindingName()
                    + " is in batch mode without a dead-letter topic (enable-dlq): a poison record would be lost");
        }
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, failure) -> {
            Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
            metrics.deadLettered(type == null ? null : new String(type.value(), StandardCharsets.UTF_8));
            return dlqDestinationResolver.apply(record, failure);
        });
        recoverer.setHeadersFunction(BatchDeadLetters::binderHeaders);
        recoverer.setFailIfSendResultIsError(true);
        DefaultErrorHandler errors = new DefaultErrorHandler(recoverer, backOff(properties));
        // a poison record is expected and counted; the dispatcher's warning and the dead letter say what it was
        errors.setLogLevel(KafkaException.Level.WARN);
        container.setCommonErrorHandler(errors);
    }

    /** {@code max-attempts} in all (the binder sets it to 1 in batch mode, so at least 3), the binding's back-off. */
    static BackOff backOff(ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(
                Math.max(properties.getMaxAttempts(), 3) - 1);
        backOff.setInitialInterval(properties.getBackOffInitialInterval());
        backOff.setMaxInterval(properties.getBackOffMaxInterval());
        backOff.setMultiplier(properties.getBackOffMultiplier());
        return backOff;
    }

    private static Headers binderHeaders(ConsumerRecord<?, ?> record, Exception failure) {
        Throwable cause = cause(failure);
        Headers headers = new RecordHeaders();
        headers.add("x-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("x-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
        headers.add("x-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        headers.add("x-original-timestamp", ByteBuffer.allocate(Long.BYTES).putLong(record.timestamp()).array());
        headers.add("x-exception-fqcn", cause.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add("x-exception-message", String.valueOf(cause.getMessage()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** What the handler threw, under the container's and the dispatcher's wrappers. */
    static Throwable cause(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof BatchListenerFailedException failed && failed.getCause() != null) {
                return failed.getCause();
            }
            current = current.getCause();
        }
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return innermost;
    }
}
