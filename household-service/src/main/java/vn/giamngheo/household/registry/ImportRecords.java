package vn.giamngheo.household.registry;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which household id each imported household was given (collection {@code household_imports}): one document per
 * household of a file, keyed by a hash of the uploader and the household's identity cells, written before the
 * household is. An upload repeated after a failure part-way finds the ids planned the first time, so the households
 * already written are recognised and not registered twice, and the others are written under the same ids.
 */
@Component
class ImportRecords {

    private final MongoCollection<Document> records;

    ImportRecords(MongoDatabase database) {
        this.records = database.getCollection("household_imports");
    }

    /** The household id recorded for each of {@code keys} that has one. */
    Map<String, String> householdIds(Collection<String> keys) {
        Map<String, String> ids = new HashMap<>();
        if (!keys.isEmpty()) {
            records.find(Filters.in("_id", keys)).forEach(d -> ids.put(d.getString("_id"), d.getString("householdId")));
        }
        return ids;
    }

    /**
     * Records planned ids (insert-if-absent). A key recorded meanwhile with another id means the same rows are being
     * uploaded by the same person at the same moment: a conflict, and the caller abandons its plan.
     */
    void record(Map<String, String> planned, String by, Instant at) {
        if (planned.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>();
        planned.forEach((key, id) -> documents.add(new Document("_id", key).append("householdId", id)
                .append("recordedBy", by).append("recordedAt", Date.from(at))));
        try {
            records.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode())
                    != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            Map<String, String> recorded = householdIds(planned.keySet());
            if (planned.entrySet().stream().anyMatch(p -> !p.getValue().equals(recorded.get(p.getKey())))) {
                throw new RegistryRuleException.Conflict("file", "Tệp này đang được tải lên cùng lúc ở một phiên "
                        + "khác; chờ phiên đó xong rồi tải lại");
            }
        }
    }
}
