package vn.giamngheo.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.TestInfrastructure;

class SequenceGuardIT {

    private final MongoClient client = MongoClients.create(TestInfrastructure.mongoConnectionString());
    private final MongoCollection<Document> views = client.getDatabase("platform-test").getCollection("views");
    private final String id = EventFixtures.newId();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void onlyANewerSequenceChangesTheView() {
        SequenceGuard guard = new SequenceGuard(views);
        assertThat(guard.apply(id, 1, Updates.set("unit", "08707"))).isEqualTo(Outcome.APPLIED);
        assertThat(guard.apply(id, 1, Updates.set("unit", "changed"))).isEqualTo(Outcome.DUPLICATE);
        assertThat(guard.apply(id, 3, Updates.set("unit", "08716"))).isEqualTo(Outcome.APPLIED);
        assertThat(guard.apply(id, 2, Updates.set("unit", "stale"))).isEqualTo(Outcome.DUPLICATE);

        Document view = views.find(Filters.eq("_id", id)).first();
        assertThat(view.getString("unit")).isEqualTo("08716");
        assertThat(view.getLong("sequence")).isEqualTo(3);
        assertThat(views.countDocuments(Filters.eq("_id", id))).isEqualTo(1);
    }

    /** Two instances on one store (a rebalance moved the household): what one remembers may be behind the view. */
    @Test
    void aViewMovedOnByAnotherWriterIsReadAgain() {
        SequenceGuard first = new SequenceGuard(views);
        SequenceGuard second = new SequenceGuard(views);
        assertThat(first.apply(id, 1, Updates.set("unit", "08707"))).isEqualTo(Outcome.APPLIED);
        assertThat(second.apply(id, 2, Updates.set("unit", "08710"))).isEqualTo(Outcome.APPLIED);
        assertThat(second.apply(id, 3, Updates.set("unit", "08713"))).isEqualTo(Outcome.APPLIED);

        // The first remembers sequence 1: sequence 3 is a duplicate, 4 is newer, whatever it remembers.
        assertThat(first.apply(id, 3, Updates.set("unit", "stale"))).isEqualTo(Outcome.DUPLICATE);
        assertThat(first.apply(id, 2, Updates.set("unit", "stale"))).isEqualTo(Outcome.DUPLICATE);
        assertThat(views.find(Filters.eq("_id", id)).first().getString("unit")).isEqualTo("08713");
        assertThat(first.apply(id, 4, Updates.set("unit", "08716"))).isEqualTo(Outcome.APPLIED);
        // The second remembers 3: its conditional write misses, it reads the view at 4.
        assertThat(second.apply(id, 4, Updates.set("unit", "again"))).isEqualTo(Outcome.DUPLICATE);

        Document view = views.find(Filters.eq("_id", id)).first();
        assertThat(view.getString("unit")).isEqualTo("08716");
        assertThat(view.getLong("sequence")).isEqualTo(4);
    }
}
