package vn.giamngheo.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.TestInfrastructure;

class SequencedViewsIT {

    private final MongoClient client = MongoClients.create(TestInfrastructure.mongoConnectionString());
    private final MongoCollection<Document> raw = client.getDatabase("platform-test").getCollection("sequenced_views");
    private final String a = EventFixtures.newId();
    private final String b = EventFixtures.newId();

    @AfterEach
    void close() {
        client.close();
    }

    private static SequencedViews.Update unit(String id, long sequence, String unit) {
        return new SequencedViews.Update(id, sequence, Updates.set("unit", unit));
    }

    private Document view(String id) {
        return raw.find(Filters.eq("_id", id)).first();
    }

    @Test
    void aDuplicateOrOlderUpdateIsSkippedAndReported() {
        SequencedViews views = new SequencedViews(raw);
        assertThat(views.applyAll(List.of(unit(a, 1, "08707"), unit(b, 1, "08710"), unit(a, 3, "08716"))))
                .containsExactly(Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED);

        assertThat(views.applyAll(List.of(unit(a, 2, "stale"), unit(a, 3, "again"), unit(b, 2, "08713"))))
                .containsExactly(Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.APPLIED);

        assertThat(view(a).getString("unit")).isEqualTo("08716");
        assertThat(view(a).getLong("sequence")).isEqualTo(3);
        assertThat(view(b).getString("unit")).isEqualTo("08713");
        assertThat(raw.countDocuments(Filters.eq("_id", a))).isEqualTo(1);
    }

    /** Another writer moves a view on between the batch's read and its write: its guard fails and it reads again. */
    @Test
    void aViewMovedOnBetweenTheReadAndTheWriteIsReadAgain() {
        new SequencedViews(raw).applyAll(List.of(unit(a, 1, "08707"), unit(b, 1, "08707")));
        AtomicBoolean once = new AtomicBoolean(true);
        SequencedViews racing = new SequencedViews(raw, () -> {
            if (once.getAndSet(false)) {
                raw.updateOne(Filters.eq("_id", a), Updates.combine(Updates.set("unit", "other"),
                        Updates.set(SequencedViews.SEQUENCE, 5L)));
            }
        });

        assertThat(racing.applyAll(List.of(unit(a, 4, "late"), unit(b, 4, "08716"))))
                .containsExactly(Outcome.DUPLICATE, Outcome.APPLIED);

        assertThat(view(a).getString("unit")).isEqualTo("other");
        assertThat(view(a).getLong("sequence")).isEqualTo(5);
        assertThat(view(b).getString("unit")).isEqualTo("08716");
    }
}
