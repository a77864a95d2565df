package vn.giamngheo.reporting.reconciliation;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.platform.messaging.BatchHandler;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.reporting.facts.FactRecorder;

/**
 * Records the replay a poll at a time, as the live consumers record theirs: each record is decoded by a binding
 * of the live consumers' types (one that cannot be read is counted and skipped), then the poll's events are handed
 * to the recorder in one batch; should that fail, one at a time, so that only the event that fails is skipped.
 */
final class PollReplay implements TopicReplay.PollHandler {

    private final FactRecorder recorder;
    private final Map<String, Consumer<Message<byte[]>>> decoders;
    private final List<EventEnvelope<?>> decoded = new ArrayList<>();

    PollReplay(FactRecorder recorder) {
        this.recorder = recorder;
        EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
        BatchHandler collect = events -> {
            decoded.addAll(events);
            return Collections.nCopies(events.size(), Outcome.APPLIED);
        };
        decoders = Map.of(
                Topics.HOUSEHOLD_EVENTS, FactRecorder.dispatcher(metrics, collect, FactRecorder.HOUSEHOLD_EVENTS),
                Topics.BENEFIT_EVENTS, FactRecorder.dispatcher(metrics, collect, FactRecorder.BENEFIT_EVENTS),
                Topics.INSURANCE_CARD_EVENTS, FactRecorder.dispatcher(metrics, collect, FactRecorder.CARD_EVENTS));
    }

    @Override
    public int handle(List<ConsumerRecord<String, byte[]>> records) {
        decoded.clear();
        int unreadable = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            if (TopicReplay.skipped(() -> decoders.get(record.topic()).accept(TopicReplay.message(record)),
                    "record " + record.topic() + "-" + record.partition() + "@" + record.offset())) {
                unreadable++;
            }
        }
        List<EventEnvelope<?>> events = List.copyOf(decoded);
        if (TopicReplay.skipped(() -> recorder.handle(events), "poll of " + events.size() + " events")) {
            for (EventEnvelope<?> event : events) {
                if (TopicReplay.skipped(() -> recorder.handle(List.of(event)), "event " + event.id())) {
                    unreadable++;
                }
            }
        }
        return unreadable;
    }
}
