package vn.giamngheo.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.testsupport.EventFixtures;
import vn.giamngheo.testsupport.TestInfrastructure;

/** The audit API's filters (household, subject, read or write, dates) and its pages, on a real Mongo. */
class AuditLogIT {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private final MongoClient client = MongoClients.create(TestInfrastructure.mongoConnectionString());
    private final MongoDatabase database = client.getDatabase("platform-audit-" + EventFixtures.newId());
    private final AuditLog audit = new AuditLog(database, "household-service");
    private final AuditController controller = new AuditController(audit);
    private final String household = EventFixtures.newId();

    @AfterEach
    void close() {
        database.drop();
        client.close();
    }

    private void entry(int minute, String subject, String method, String householdId) {
        audit.record(T0.plusSeconds(60L * minute), subject, "Name of " + subject, List.of("LABOUR_OFFICER"), method,
                "/api/v1/households/" + householdId, householdId, householdId, "127.0.0.1", 200);
    }

    private static List<Integer> minutes(List<AuditLog.Entry> entries) {
        return entries.stream().map(e -> (int) ((e.at().getEpochSecond() - T0.getEpochSecond()) / 60)).toList();
    }

    @Test
    void readsOrWritesOnlyInADateRangeAPageAtATime() {
        entry(0, "so-nnmt", "GET", household);
        entry(1, "can-bo-08707", "POST", household);
        entry(2, "so-nnmt", "HEAD", household);
        entry(3, "quan-tri", "PUT", household);
        entry(4, "so-nnmt", "GET", household);
        entry(5, "so-nnmt", "GET", "another-household");

        assertThat(minutes(controller.find(household, null, null, null, null, 0, 500))).containsExactly(4, 3, 2, 1, 0);
        assertThat(minutes(controller.find(household, null, null, null, "read", 0, 500))).containsExactly(4, 2, 0);
        assertThat(minutes(controller.find(household, null, null, null, "write", 0, 500))).containsExactly(3, 1);
        assertThat(minutes(controller.find(null, "so-nnmt", null, null, "read", 0, 500))).containsExactly(5, 4, 2, 0);
        // from inclusive, to exclusive
        assertThat(minutes(controller.find(household, null, T0.plusSeconds(60).toString(),
                T0.plusSeconds(240).toString(), null, 0, 500))).containsExactly(3, 2, 1);
        // pages: 2 at a time, no entry twice, none left out
        assertThat(minutes(controller.find(household, null, null, null, null, 0, 2))).containsExactly(4, 3);
        assertThat(minutes(controller.find(household, null, null, null, null, 2, 2))).containsExactly(2, 1);
        assertThat(minutes(controller.find(household, null, null, null, null, 4, 2))).containsExactly(0);
        assertThat(controller.find(household, null, null, null, null, 6, 2)).isEmpty();
    }

    /** An import writes one entry per household at one instant: the order within it is fixed, so pages still split it. */
    @Test
    void entriesOfOneInstantAreSplitBetweenPagesWithoutRepeats() {
        audit.record(T0, "so-nnmt", "Hoàng Minh Đức", List.of("LABOUR_OFFICER"), "POST", "/api/v1/households/import",
                null, List.of(household, household, household), "127.0.0.1", 200);
        List<String> first = controller.find(household, null, null, null, null, 0, 2).stream().map(AuditLog.Entry::id)
                .toList();
        List<String> second = controller.find(household, null, null, null, null, 2, 2).stream()
                .map(AuditLog.Entry::id).toList();
        assertThat(first).hasSize(2).doesNotContainAnyElementsOf(second);
        assertThat(second).hasSize(1);
    }

    @Test
    void aWrongFilterNamesItsField() {
        assertThatThrownBy(() -> controller.find(household, null, null, null, "delete", 0, 10))
                .isInstanceOf(ApiException.class).hasMessageContaining("action");
        assertThatThrownBy(() -> controller.find(household, null, null, null, null, -1, 10))
                .isInstanceOf(ApiException.class).hasMessageContaining("offset");
        assertThatThrownBy(() -> controller.find(household, null, null, null, null, AuditController.MAX_OFFSET + 1, 10))
                .isInstanceOf(ApiException.class).hasMessageContaining("offset");
        assertThatThrownBy(() -> controller.find(household, null, "yesterday", null, null, 0, 10))
                .isInstanceOf(ApiException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> controller.find(null, null, null, null, "read", 0, 10))
                .isInstanceOf(ApiException.class).hasMessageContaining("householdId");
    }
}
