package vn.giamngheo.household.review;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;

/** Households' review requests, one document each, written as changes guarded by their version. */
@Component
class ReviewRequestStore {

    private static final Codec<ReviewRequest> REQUEST = Codec.of(ReviewRequest::id,
            ReviewRequestStore::toDocument, ReviewRequestStore::fromDocument);

    /** An online request's key (who sent it: citizen id, unit, form, day) and the request that holds it. */
    private record Submission(String key, String requestId) {
    }

    private static final Codec<Submission> SUBMISSION = Codec.of(Submission::key,
            s -> new Document("_id", s.key()).append("requestId", s.requestId()),
            d -> new Submission(d.getString("_id"), d.getString("requestId")));

    private final AggregateCollection<ReviewRequest> requestAggregates;
    private final MongoCollection<Document> requests;
    /** Online requests awaiting verification by who sent them (citizen id, unit, form, day): one receipt each. */
    private final AggregateCollection<Submission> submissionKeys;
    private final MongoCollection<Document> submissions;
    /** The last receipt number given, per unit and month. */
    private final MongoCollection<Document> receipts;

    ReviewRequestStore(Aggregates aggregates, MongoDatabase database) {
        requestAggregates = aggregates.withoutOutbox("review_requests", REQUEST);
        requests = database.getCollection("review_requests");
        submissionKeys = aggregates.records("review_request_submissions", SUBMISSION);
        submissions = database.getCollection("review_request_submissions");
        receipts = database.getCollection("review_request_receipts");
        submissions.createIndex(Indexes.ascending("requestId"));
        requests.createIndex(Indexes.ascending("unitCode", "receivedOn"));
        requests.createIndex(Indexes.ascending("householdId"));
    }

    /** @return false when the same request (household, form, day) was recorded before: nothing is written */
    boolean insertIfAbsent(ReviewRequest request) {
        return requestAggregates.insertIfAbsent(request);
    }

    /** The next number of the series {@code series} (e.g. a unit's month), from 1. */
    long nextReceipt(String series) {
        return receipts.findOneAndUpdate(Filters.eq("_id", series), Updates.inc("last", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)).get("last",
                Number.class).longValue();
    }

    /**
     * Takes the submission {@code key} for the online request {@code requestId}.
     *
     * @return the id of the request that holds the key: {@code requestId}, or the one that took it before
     */
    String claimSubmission(String key, String requestId) {
        if (submissionKeys.insertIfAbsent(new Submission(key, requestId))) {
            return requestId;
        }
        return submissionKeys.find(key).orElseThrow().requestId();
    }

    /** The online request that holds the submission {@code key}, if one does. */
    Optional<String> submission(String key) {
        return submissionKeys.find(key).map(Submission::requestId);
    }

    /** Forgets the submissions of an online request (it is verified or rejected: its citizen id is erased). */
    void releaseSubmissions(String requestId) {
        submissions.deleteMany(Filters.eq("requestId", requestId));
    }

    /** A request of the household, form and day other than an online one awaiting verification or rejected. */
    Optional<ReviewRequest> sameRequest(String householdId, ReviewRequest.Form form, LocalDate receivedOn) {
        return Optional.ofNullable(requests.find(Filters.and(Filters.eq("householdId", householdId),
                Filters.eq("form", form.name()), Filters.eq("receivedOn", receivedOn.toString()),
                Filters.nin("status", ReviewRequest.Status.AWAITING_VERIFICATION.name(),
                        ReviewRequest.Status.REJECTED.name()))).sort(Sorts.ascending("recordedAt")).first())
                .map(ReviewRequestStore::fromDocument);
    }

    void update(ReviewRequest request) {
        if (!requestAggregates.apply(Change.update(request.version() - 1, request))) {
            throw ReviewRuleException.conflict("version", "request " + request.id()
                    + " was changed by someone else at the same time; please retry");
        }
    }

    Optional<ReviewRequest> find(String id) {
        return requestAggregates.find(id);
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
        ReviewRequest.Applicant p = r.applicant();
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
                .append("applicant", p == null ? null : new Document("receiptNumber", p.receiptNumber())
                        .append("headName", p.headName())
                        .append("village", p.village())
                        .append("citizenId", p.citizenId())
                        .append("citizenIdMasked", p.citizenIdMasked())
                        .append("phone", p.phone()))
                .append("version", r.version());
    }

    private static ReviewRequest fromDocument(Document d) {
        Document a = d.get("answer", Document.class);
        Document p = d.get("applicant", Document.class);
        return new ReviewRequest(d.getString("_id"), d.getString("householdId"), d.getString("unitCode"),
                ReviewRequest.Form.valueOf(d.getString("form")), LocalDate.parse(d.getString("receivedOn")),
                ReviewRequest.Channel.valueOf(d.getString("channel")), d.getString("recordedBy"),
                // Requests recorded before names were kept name their account.
                d.getString(d.containsKey("recordedByName") ? "recordedByName" : "recordedBy"),
                d.getDate("recordedAt").toInstant(), ReviewRequest.Status.valueOf(d.getString("status")),
                a == null ? null : new ReviewRequest.Answer(LocalDate.parse(a.getString("date")), a.getString("number"),
                        a.getString("roundId"), a.getString("signerRole"), a.getString("reasons")),
                p == null ? null : new ReviewRequest.Applicant(p.getString("receiptNumber"), p.getString("headName"),
                        p.getString("village"), p.getString("citizenId"), p.getString("citizenIdMasked"),
                        p.getString("phone")),
                d.getLong("version"));
    }
}
