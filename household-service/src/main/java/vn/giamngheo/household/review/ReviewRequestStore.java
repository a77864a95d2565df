package vn.giamngheo.household.review;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.mongo.Guards;

/** Households' review requests, one document each, written with a version guard. */
@Component
class ReviewRequestStore {

    private final MongoCollection<Document> requests;

    ReviewRequestStore(MongoDatabase database) {
        requests = database.getCollection("review_requests");
        requests.createIndex(Indexes.ascending("unitCode", "receivedOn"));
        requests.createIndex(Indexes.ascending("householdId"));
        Guards.index(requests, "version");
    }

    /** @return false when the same request (household, form, day) was recorded before: nothing is written */
    boolean insertIfAbsent(ReviewRequest request) {
        try {
            requests.insertOne(toDocument(request));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    void update(ReviewRequest request) {
        Document fields = toDocument(request);
        fields.remove("_id");
        var result = requests.updateOne(Guards.where(request.id(), "version", request.version() - 1),
                new Document("$set", fields));
        if (result.getMatchedCount() == 0) {
            throw ReviewRuleException.conflict("version", "request " + request.id()
                    + " was changed by someone else at the same time; please retry");
        }
    }

    Optional<ReviewRequest> find(String id) {
        return Optional.ofNullable(requests.find(Filters.eq("_id", id)).first()).map(ReviewRequestStore::fromDocument);
    }

    /** The requests of a unit received in [from, to] (either may be null: open-ended), oldest first. */
    List<ReviewRequest> ofUnit(String unitCode, LocalDate from, LocalDate to) {
        List<Bson> conditions = new ArrayList<>();
        if (unitCode != null) {
            conditions.add(Filters.eq("unitCode", unitCode));
        }
        if (from != null) {
            conditions.add(Filters.gte("receivedOn", from.toString()));
        }
        if (to != null) {
            conditions.add(Filters.lte("receivedOn", to.toString()));
        }
        List<ReviewRequest> result = new ArrayList<>();
        requests.find(conditions.isEmpty() ? new Document() : Filters.and(conditions))
                .sort(Sorts.ascending("receivedOn", "_id")).forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    /** The open requests of these households. */
    List<ReviewRequest> openOf(Collection<String> householdIds) {
        List<ReviewRequest> result = new ArrayList<>();
        List<String> ids = List.copyOf(householdIds);
        for (int from = 0; from < ids.size(); from += 1_000) {
            requests.find(Filters.and(Filters.in("householdId", ids.subList(from, Math.min(ids.size(), from + 1_000))),
                    Filters.eq("status", ReviewRequest.Status.OPEN.name()))).forEach(d -> result.add(fromDocument(d)));
        }
        return result;
    }

    private static Document toDocument(ReviewRequest r) {
        ReviewRequest.Answer a = r.answer();
        return new Document("_id", r.id())
                .append("householdId", r.householdId())
                .append("unitCode", r.unitCode())
                .append("form", r.form().name())
                .append("receivedOn", r.receivedOn().toString())
                .append("channel", r.channel().name())
                .append("recordedBy", r.recordedBy())
                .append("recordedByName", r.recordedByName())
                .append("recordedAt", Date.from(r.recordedAt()))
                .append("status", r.status().name())
                .append("answer", a == null ? null : new Document("date", a.date().toString())
                        .append("number", a.number())
                        .append("roundId", a.roundId())
                        .append("signerRole", a.signerRole())
                        .append("reasons", a.reasons()))
                .append("version", r.version());
    }

    private static ReviewRequest fromDocument(Document d) {
        Document a = d.get("answer", Document.class);
        return new ReviewRequest(d.getString("_id"), d.getString("householdId"), d.getString("unitCode"),
                ReviewRequest.Form.valueOf(d.getString("form")), LocalDate.parse(d.getString("receivedOn")),
                ReviewRequest.Channel.valueOf(d.getString("channel")), d.getString("recordedBy"),
                // Requests recorded before names were kept name their account.
                d.getString(d.containsKey("recordedByName") ? "recordedByName" : "recordedBy"),
                d.getDate("recordedAt").toInstant(), ReviewRequest.Status.valueOf(d.getString("status")),
                a == null ? null : new ReviewRequest.Answer(LocalDate.parse(a.getString("date")), a.getString("number"),
                        a.getString("roundId"), a.getString("signerRole"), a.getString("reasons")),
                d.getLong("version"));
    }
}
