package vn.giamngheo.household.registry;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;

/**
 * Which household id each imported household was given (collection {@code household_imports}): one document per
 * household of a file, keyed by a hash of the uploader and the household's identity cells, written before the
 * household is. An upload repeated after a failure part-way finds the ids planned the first time, so the households
 * already written are recognised and not registered twice, and the others are written under the same ids.
 */
@Component
class ImportRecords {

    /** The id planned for the household with this key. */
    record ImportRecord(String key, String householdId, String recordedBy, Instant recordedAt) {
    }

    private static final Codec<ImportRecord> CODEC = Codec.of(ImportRecord::key,
            r -> new Document("_id", r.key()).append("householdId", r.householdId())
                    .append("recordedBy", r.recordedBy()).append("recordedAt", Date.from(r.recordedAt())),
            d -> new ImportRecord(d.getString("_id"), d.getString("householdId"), d.getString("recordedBy"),
                    d.getDate("recordedAt").toInstant()));

    private final AggregateCollection<ImportRecord> records;

    ImportRecords(Aggregates aggregates) {
        this.records = aggregates.records("household_imports", CODEC);
    }

    /** The household id recorded for each of {@code keys} that has one. */
    Map<String, String> householdIds(Collection<String> keys) {
        Map<String, String> ids = new HashMap<>();
        records.loadAll(keys).forEach((key, record) -> ids.put(key, record.householdId()));
        return ids;
    }

    /**
     * Records planned ids (insert-if-absent). A key recorded meanwhile with another id means the same rows are being
     * uploaded by the same person at the same moment: a conflict, and the caller abandons its plan.
     */
    void record(Map<String, String> planned, String by, Instant at) {
        List<Change<ImportRecord>> inserts = planned.entrySet().stream()
                .map(p -> Change.create(new ImportRecord(p.getKey(), p.getValue(), by, at))).toList();
        if (records.applyAll(inserts).allApplied()) {
            return;
        }
        Map<String, String> recorded = householdIds(planned.keySet());
        if (planned.entrySet().stream().anyMatch(p -> !p.getValue().equals(recorded.get(p.getKey())))) {
            throw new RegistryRuleException.Conflict("file", "Tệp này đang được tải lên cùng lúc ở một phiên "
                    + "khác; chờ phiên đó xong rồi tải lại");
        }
    }
}
