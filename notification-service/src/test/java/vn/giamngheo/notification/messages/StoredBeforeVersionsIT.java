package vn.giamngheo.notification.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.giamngheo.notification.OutsideWorld;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.ServiceIntegrationTest;

/** Contacts and posting reminders written before they carried a version are still changed after an upgrade. */
@ServiceIntegrationTest
class StoredBeforeVersionsIT extends OutsideWorld {

    @Autowired
    Aggregates aggregates;

    @Autowired
    MongoDatabase database;

    @Autowired
    MessageTriggers triggers;

    @Test
    void aContactAndAReminderWithoutVersionAreReplacedAndClosed() {
        String household = EventFixtures.newId();
        database.getCollection("contacts").insertOne(new Document("_id", "household:" + household)
                .append("kind", "HOUSEHOLD").append("householdId", household).append("phone", "+84912345678")
                .append("optOut", List.of()));
        String round = EventFixtures.newId();
        LocalDate longAgo = LocalDate.now().minusDays(30);
        database.getCollection("posting_reminders").insertOne(new Document("_id", round).append("sequence", 1L)
                .append("eventId", EventFixtures.newId()).append("causeKey", "review.posting-started:" + round + ":1")
                .append("unitCode", "08707").append("kind", "ANNUAL")
                .append("postingStartedOn", longAgo.toString()).append("postingEndsOn", longAgo.plusDays(3).toString())
                .append("households", 3).append("agreed", 3).append("done", false));

        // The service starts again (as after the upgrade).
        Contacts contacts = new Contacts(aggregates, database);
        PostingReminders reminders = new PostingReminders(aggregates, database, triggers, Clock.systemUTC());

        contacts.putHousehold(household, "0987654321", List.of());
        assertThat(contacts.household(household).orElseThrow().phone()).isEqualTo("+84987654321");
        reminders.sendDue();
        Document reminder = database.getCollection("posting_reminders").find(Filters.eq("_id", round)).first();
        assertThat(reminder.getBoolean("done")).isTrue();
        assertThat(reminder.getString("skipped")).contains("more than 7 days ago");
    }
}
