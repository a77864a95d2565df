package vn.giamngheo.platform.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The service's processing log (Decree 13/2023): every write, and every read of a person's data, one document each,
 * inserted and never updated or deleted by the platform — there is no API that changes it.
 */
public class AuditLog {

    public static final String COLLECTION = "audit";

    /**
     * One entry: who (subject, the person's name, roles), what (method, path, record), when, from where, and the
     * outcome. {@code name} is the token's {@code name} claim, or the subject for a machine client (and for entries
     * written before names were recorded).
     */
    public record Entry(String id, Instant at, String service, String subject, String name, List<String> roles,
            String method, String path, String record, String householdId, String from, int status) {
    }

    private final MongoCollection<Document> audit;
    private final String service;

    public AuditLog(MongoDatabase database, String service) {
        this.audit = database.getCollection(COLLECTION);
        this.service = service;
    }

    public void record(Instant at, String subject, String name, List<String> roles, String method, String path,
            String record, String householdId, String from, int status) {
        record(at, subject, name, roles, method, path, record, java.util.Collections.singletonList(householdId), from,
                status);
    }

    /** One entry per household of a request that wrote many (an import), in one write; one entry when none. */
    public void record(Instant at, String subject, String name, List<String> roles, String method, String path,
            String record, List<String> householdIds, String from, int status) {
        List<Document> entries = new ArrayList<>();
        for (String householdId : householdIds.isEmpty() ? java.util.Collections.<String>singletonList(null)
                : householdIds) {
            entries.add(new Document("_id", UUID.randomUUID().toString()).append("at", Date.from(at))
                    .append("service", service).append("subject", subject).append("name", name)
                    .append("roles", roles)
                    .append("method", method).append("path", path).append("record", record)
                    .append("householdId", householdId).append("from", from).append("status", status));
        }
        audit.insertMany(entries);
    }

    /** What a request did to the data: read it (GET, HEAD) or wrote it (any other method). */
    public enum Action {
        READ, WRITE
    }

    private static final List<String> READS = List.of("GET", "HEAD");

    /** Entries about a household (or by a subject), newest first. */
    public List<Entry> find(String householdId, String subject, Instant from, Instant to, int limit) {
        return find(householdId, subject, null, from, to, 0, limit);
    }

    /**
     * Entries about a household and/or by a subject, of one action (null: both), in [from, to), newest first (the
     * same instant: by id, so that pages do not overlap), the first {@code offset} skipped.
     */
    public List<Entry> find(String householdId, String subject, Action action, Instant from, Instant to, int offset,
            int limit) {
        List<Bson> filters = new ArrayList<>();
        if (householdId != null) {
            filters.add(Filters.eq("householdId", householdId));
        }
        if (subject != null) {
            filters.add(Filters.eq("subject", subject));
        }
        if (action != null) {
            filters.add(action == Action.READ ? Filters.in("method", READS) : Filters.nin("method", READS));
        }
        if (from != null) {
            filters.add(Filters.gte("at", Date.from(from)));
        }
        if (to != null) {
            filters.add(Filters.lt("at", Date.from(to)));
        }
        List<Entry> entries = new ArrayList<>();
        audit.find(filters.isEmpty() ? new Document() : Filters.and(filters)).sort(Sorts.descending("at", "_id"))
                .skip(offset).limit(limit).forEach(d -> entries.add(new Entry(d.getString("_id"), d.getDate("at").toInstant(),
                        d.getString("service"), d.getString("subject"),
                        d.getString("name") != null ? d.getString("name") : d.getString("subject"),
                        d.getList("roles", String.class),
                        d.getString("method"), d.getString("path"), d.getString("record"),
                        d.getString("householdId"), d.getString("from"), d.getInteger("status"))));
        return entries;
    }
}
