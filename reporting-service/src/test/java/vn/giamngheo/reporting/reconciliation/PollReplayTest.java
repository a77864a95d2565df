package vn.giamngheo.reporting.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventType;
import vn.giamngheo.contracts.Samples;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.platform.messaging.EventMetrics;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.reporting.EmbeddedMongo;
import vn.giamngheo.reporting.areas.Areas;
import vn.giamngheo.reporting.facts.FactIndex;
import vn.giamngheo.reporting.facts.FactRecorder;
import vn.giamngheo.reporting.facts.FactStore;
import vn.giamngheo.reporting.facts.FactStore.Facts;
import vn.giamngheo.testsupport.SampleMessages;

/**
 * A poll of the replay is recorded at once, as the live bindings record the same events one at a time; a record that
 * cannot be read is counted and skipped, and its neighbours are recorded.
 */
class PollReplayTest {

    private final Areas areas = new Areas(UnitCatalog.load(List.of(new ClassPathResource("units/phu-tho-2025.json"),
            new ClassPathResource("units/vinh-yen.json"))));
    @RegisterExtension
    final EmbeddedMongo mongo = new EmbeddedMongo();

    private static ConsumerRecord<String, byte[]> record(String topic, long offset, Message<byte[]> message) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, offset, null, message.getPayload());
        message.getHeaders().forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                record.headers().add(name, bytes);
            }
        });
        return record;
    }

    private static String topic(EventType<?> type) {
        return FactRecorder.HOUSEHOLD_EVENTS.contains(type) ? Topics.HOUSEHOLD_EVENTS
                : FactRecorder.BENEFIT_EVENTS.contains(type) ? Topics.BENEFIT_EVENTS : Topics.INSURANCE_CARD_EVENTS;
    }

    private static Map<String, Facts> stored(FactStore store) {
        Map<String, Facts> all = new HashMap<>();
        for (FactStore.Kind kind : FactStore.Kind.values()) {
            store.forEach(kind, f -> all.put(kind + ":" + f.id(), f));
        }
        return all;
    }

    @Test
    void aPollIsRecordedAsTheBindingsRecordItsEventsAndAnUnreadableRecordIsSkipped() {
        List<EventType<?>> types = new ArrayList<>(FactRecorder.HOUSEHOLD_EVENTS);
        types.addAll(FactRecorder.BENEFIT_EVENTS);
        types.addAll(FactRecorder.CARD_EVENTS);
        List<ConsumerRecord<String, byte[]>> poll = new ArrayList<>();
        for (EventType<?> type : types) {
            poll.add(record(topic(type), poll.size(), SampleMessages.of(type)));
            if (poll.size() == 3) {
                poll.add(record(Topics.HOUSEHOLD_EVENTS, poll.size(), SampleMessages.of(Samples.envelope(type),
                        "{not json".getBytes(StandardCharsets.UTF_8))));
            }
        }
        // A duplicate at the end.
        poll.add(record(Topics.INSURANCE_CARD_EVENTS, poll.size(), SampleMessages.of(types.getLast())));

        FactStore replayed = new FactStore(mongo.aggregates(), mongo.database(), "replayed_");
        FactIndex replayedIndex = new FactIndex(areas);
        int unreadable = new PollReplay(new FactRecorder(replayed, replayedIndex)).handle(poll);

        FactStore live = new FactStore(mongo.aggregates(), mongo.database(), "live_");
        FactIndex liveIndex = new FactIndex(areas);
        FactRecorder recorder = new FactRecorder(live, liveIndex);
        EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
        var bindings = Map.of(Topics.HOUSEHOLD_EVENTS, recorder.householdEvents(metrics).perRecord(),
                Topics.BENEFIT_EVENTS, recorder.benefitEvents(metrics).perRecord(), Topics.INSURANCE_CARD_EVENTS,
                recorder.cardEvents(metrics).perRecord());
        int failed = 0;
        for (ConsumerRecord<String, byte[]> record : poll) {
            try {
                bindings.get(record.topic()).accept(TopicReplay.message(record));
            } catch (RuntimeException e) {
                failed++;
            }
        }

        assertThat(unreadable).isEqualTo(1).isEqualTo(failed);
        Map<String, Facts> a = stored(replayed);
        Map<String, Facts> b = stored(live);
        assertThat(a.keySet()).hasSizeGreaterThanOrEqualTo(4).isEqualTo(b.keySet());
        a.forEach((id, facts) -> assertThat(facts.bySequence()).isEqualTo(b.get(id).bySequence()));
        assertThat(replayedIndex.householdIds()).isNotEmpty().isEqualTo(liveIndex.householdIds());
    }
}
