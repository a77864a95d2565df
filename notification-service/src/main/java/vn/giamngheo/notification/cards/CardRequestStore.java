package vn.giamngheo.notification.cards;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.giamngheo.notification.outside.QueryParams;
import vn.giamngheo.platform.mongo.Guards;
import vn.giamngheo.platform.mongo.MongoTimeouts;
import vn.giamngheo.platform.outbox.Outbox;

/** Card requests, one document each with its outbox; every transition is a version-guarded write. */
@Component
class CardRequestStore {

    static final String COLLECTION = "card_requests";

    private final MongoCollection<Document> requests;
    /** The same with the long bound: sweeps and listings filter and sort the whole collection on mongo-java-server. */
    private final MongoCollection<Document> scanned;

    CardRequestStore(MongoDatabase database, MongoTimeouts timeouts) {
        this.requests = database.getCollection(COLLECTION);
        this.scanned = timeouts.forLongOperations(requests);
        Guards.index(requests, "version");
        requests.createIndex(Indexes.ascending("status", "nextAttemptAt"));
        requests.createIndex(Indexes.ascending("householdId"));
    }

    /** @return false when it exists already (a duplicated or replayed benefit event) */
    boolean insert(CardRequest request) {
        try {
            requests.insertOne(toDocument(request).append(Outbox.FIELD, List.of()));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** @return false when the request changed meanwhile (another worker or a callback got there first) */
    boolean update(CardRequest after, List<Document> events) {
        Document doc = toDocument(after);
        doc.remove("_id");
        return requests.updateOne(Guards.where(after.id(), "version", after.version() - 1),
                Updates.combine(new Document("$set", doc), Outbox.append(events))).getMatchedCount() > 0;
    }

    Optional<CardRequest> find(String id) {
        return Optional.ofNullable(requests.find(Filters.eq("_id", id)).projection(Projections.exclude(Outbox.FIELD))
                .first()).map(CardRequestStore::fromDocument);
    }

    /** The requests with these ids that exist, in no particular order: one read by {@code _id}. */
    List<CardRequest> findAll(java.util.Collection<String> ids) {
        List<CardRequest> result = new ArrayList<>();
        if (!ids.isEmpty()) {
            requests.find(Filters.in("_id", ids)).projection(Projections.exclude(Outbox.FIELD))
                    .forEach(d -> result.add(fromDocument(d)));
        }
        return result;
    }

    List<CardRequest> due(Instant now, int limit) {
        return list(Filters.and(Filters.eq("status", "PENDING"), Filters.lte("nextAttemptAt", Date.from(now))),
                Sorts.ascending("nextAttemptAt"), limit);
    }

    List<CardRequest> acceptedBefore(Instant before, int limit) {
        return list(Filters.and(Filters.eq("status", "ACCEPTED"), Filters.lte("updatedAt", Date.from(before))),
                Sorts.ascending("updatedAt"), limit);
    }

    /** @param householdIds when not null, only requests of these households (a unit's) */
    List<CardRequest> search(CardRequest.Status status, String householdId, java.util.Collection<String> householdIds,
            String personId, QueryParams.Range created, boolean newestFirst, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (householdIds != null) {
            filters.add(Filters.in("householdId", householdIds));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (householdId != null) {
            filters.add(Filters.eq("householdId", householdId));
        }
        if (personId != null) {
            filters.add(Filters.eq("personId", personId));
        }
        if (created.from() != null) {
            filters.add(Filters.gte("createdAt", Date.from(created.from())));
        }
        if (created.to() != null) {
            filters.add(Filters.lt("createdAt", Date.from(created.to())));
        }
        return list(filters.isEmpty() ? new Document() : Filters.and(filters), newestFirst
                ? Sorts.descending("createdAt", "_id") : Sorts.ascending("createdAt", "_id"), limit);
    }

    private List<CardRequest> list(Bson filter, Bson sort, int limit) {
        List<CardRequest> result = new ArrayList<>();
        scanned.find(filter).projection(Projections.exclude(Outbox.FIELD)).sort(sort).limit(limit)
                .forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    private static Document toDocument(CardRequest r) {
        return new Document("_id", r.id())
                .append("kind", r.kind())
                .append("householdId", r.householdId())
                .append("personId", r.personId())
                .append("decisionId", r.decisionId())
                .append("sharePercent", r.sharePercent())
                .append("validFrom", r.validFrom().toString())
                .append("status", r.status().name())
                .append("attempts", r.attempts())
                .append("round", r.round())
                .append("nextAttemptAt", r.nextAttemptAt() == null ? null : Date.from(r.nextAttemptAt()))
                .append("lastError", r.lastError())
                .append("cardNumber", r.cardNumber())
                .append("cardValidFrom", r.cardValidFrom() == null ? null : r.cardValidFrom().toString())
                .append("cardValidTo", r.cardValidTo() == null ? null : r.cardValidTo().toString())
                .append("createdAt", Date.from(r.createdAt()))
                .append("updatedAt", Date.from(r.updatedAt()))
                .append("eventSequence", r.eventSequence())
                .append("version", r.version());
    }

    private static CardRequest fromDocument(Document d) {
        Date next = d.getDate("nextAttemptAt");
        return new CardRequest(d.getString("_id"), d.getString("kind"), d.getString("householdId"),
                d.getString("personId"), d.getString("decisionId"), d.getInteger("sharePercent"),
                LocalDate.parse(d.getString("validFrom")), CardRequest.Status.valueOf(d.getString("status")),
                d.getInteger("attempts"), d.getInteger("round", 0), next == null ? null : next.toInstant(),
                d.getString("lastError"),
                d.getString("cardNumber"), date(d, "cardValidFrom"), date(d, "cardValidTo"),
                d.getDate("createdAt").toInstant(), d.getDate("updatedAt").toInstant(), d.getLong("eventSequence"),
                d.getLong("version"));
    }

    private static LocalDate date(Document d, String field) {
        return d.getString(field) == null ? null : LocalDate.parse(d.getString(field));
    }
}
