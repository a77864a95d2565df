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
        assertThat(SequenceGuard.apply(views, id, 1, Updates.set("unit", "08707"))).isEqualTo(Outcome.APPLIED);
        assertThat(SequenceGuard.apply(views, id, 1, Updates.set("unit", "changed"))).isEqualTo(Outcome.DUPLICATE);
        assertThat(SequenceGuard.apply(views, id, 3, Updates.set("unit", "08716"))).isEqualTo(Outcome.APPLIED);
        assertThat(SequenceGuard.apply(views, id, 2, Updates.set("unit", "stale"))).isEqualTo(Outcome.DUPLICATE);

        Document view = views.find(Filters.eq("_id", id)).first();
        assertThat(view.getString("unit")).isEqualTo("08716");
        assertThat(view.getLong("sequence")).isEqualTo(3);
        assertThat(views.countDocuments(Filters.eq("_id", id))).isEqualTo(1);
    }
}
