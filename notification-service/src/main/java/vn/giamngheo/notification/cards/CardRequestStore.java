package vn.giamngheo.notification.cards;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.giamngheo.notification.outside.QueryParams;
import vn.giamngheo.platform.mongo.MongoTimeouts;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;

/**
 * Card requests, one document each with its outbox ({@link Aggregates#withOutbox}); every transition is a
 * {@link Change} written with its version guard. The sweeps and the officers' lists query the collection beside.
 */
@Component
class CardRequestStore {

    static final String COLLECTION = "card_requests";
    static final Codec<CardRequest> CODEC = Codec.of(CardRequest::id, CardRequestStore::toDocument,
            CardRequestStore::fromDocument);

    private final AggregateCollection<CardRequest> requests;
    /** The same with the long bound: sweeps and listings filter and sort the whole collection on mongo-java-server. */
    private final MongoCollection<Document> scanned;

    CardRequestStore(Aggregates aggregates, MongoDatabase database, MongoTimeouts timeouts) {
        this.requests = aggregates.withOutbox(COLLECTION, CODEC);
        MongoCollection<Document> raw = database.getCollection(COLLECTION);
        this.scanned = timeouts.forLongOperations(raw);
        raw.createIndex(Indexes.ascending("status", "nextAttemptAt"));
        raw.createIndex(Indexes.ascending("householdId"));
    }

    Optional<CardRequest> find(String id) {
        return requests.find(id);
    }

    /** The requests with these ids that exist, in the order of {@code ids}: one read by {@code _id}. */
    List<CardRequest> findAll(Collection<String> ids) {
        Map<String, CardRequest> found = requests.loadAll(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** New requests in one bulk write; those whose id exists (a replayed decision) are the conflicted. */
    AggregateCollection.Result insertAll(List<Change<CardRequest>> created) {
        return requests.applyAll(created);
    }

    /** Loads, decides and writes (again for those someone changed meanwhile, up to {@code attempts} rounds). */
    AggregateCollection.Result decideAll(Collection<String> ids, AggregateCollection.Decider<CardRequest> decider,
            int attempts) {
        return requests.decideAll(ids, decider, attempts);
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
    List<CardRequest> search(CardRequest.Status status, String householdId, Collection<String> householdIds,
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
        scanned.find(filter).projection(requests.readProjection()).sort(sort).limit(limit)
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
