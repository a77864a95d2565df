package vn.giamngheo.policy.applications;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;

/**
 * Applications, each one aggregate with its outbox ({@link Aggregates#withOutbox}); every step is one guarded write of
 * the application with its event. The lists are queries beside the collection, decoded with the same codec.
 */
@Component
class ApplicationStore {

    static final String COLLECTION = "benefit_applications";
    static final Codec<Application> CODEC = Codec.of(Application::id, ApplicationStore::toDocument,
            ApplicationStore::fromDocument);

    private final AggregateCollection<Application> aggregates;
    private final MongoCollection<Document> applications;

    ApplicationStore(Aggregates collections, MongoDatabase database) {
        this.aggregates = collections.withOutbox(COLLECTION, CODEC);
        this.applications = database.getCollection(COLLECTION);
        applications.createIndex(Indexes.ascending("householdId", "policyCode", "status"));
        applications.createIndex(Indexes.ascending("department", "status", "submittedOn"));
    }

    /** @return false when the application changed meanwhile (or, for a new one, exists): nothing is written */
    boolean apply(Change<Application> change) {
        return aggregates.apply(change);
    }

    Optional<Application> find(String id) {
        return aggregates.find(id);
    }

    /** Open (submitted or under review) applications for the same policy and beneficiary. */
    boolean openExists(String householdId, String policyCode, String personId) {
        return applications.countDocuments(Filters.and(Filters.eq("householdId", householdId),
                Filters.eq("policyCode", policyCode), Filters.eq("personId", personId),
                Filters.in("status", List.of("SUBMITTED", "UNDER_REVIEW")))) > 0;
    }

    List<Application> list(String department, String householdId, Application.Status status, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (department != null) {
            filters.add(Filters.eq("department", department));
        }
        if (householdId != null) {
            filters.add(Filters.eq("householdId", householdId));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        List<Application> result = new ArrayList<>();
        applications.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .projection(aggregates.readProjection()).sort(Sorts.ascending("submittedOn", "_id")).limit(limit)
                .forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    private static Document toDocument(Application a) {
        return new Document("_id", a.id())
                .append("policyCode", a.policyCode())
                .append("department", a.department())
                .append("householdId", a.householdId())
                .append("personId", a.personId())
                .append("requestedAmountVnd", a.requestedAmountVnd())
                .append("submittedOn", a.submittedOn().toString())
                .append("status", a.status().name())
                .append("decisionNumber", a.decisionNumber())
                .append("decidedOn", a.decidedOn() == null ? null : a.decidedOn().toString())
                .append("decisionId", a.decisionId())
                .append("reason", a.reason())
                .append("steps", a.steps().stream().map(s -> new Document("status", s.status().name())
                        .append("on", s.on().toString()).append("by", s.by()).append("note", s.note())
                        .append("recordedBy", s.recordedBy()).append("recordedByName", s.recordedByName())).toList())
                .append("version", a.version());
    }

    private static Application fromDocument(Document d) {
        return new Application(d.getString("_id"), d.getString("policyCode"), d.getString("department"),
                d.getString("householdId"), d.getString("personId"), d.getLong("requestedAmountVnd"),
                LocalDate.parse(d.getString("submittedOn")), Application.Status.valueOf(d.getString("status")),
                d.getString("decisionNumber"), d.getString("decidedOn") == null ? null
                        : LocalDate.parse(d.getString("decidedOn")),
                d.getString("decisionId"), d.getString("reason"),
                d.getList("steps", Document.class, List.of()).stream().map(s -> new Application.Step(
                        Application.Status.valueOf(s.getString("status")), LocalDate.parse(s.getString("on")),
                        s.getString("by"), s.getString("note"), s.getString("recordedBy"),
                        // Steps recorded before names were kept name their account.
                        s.getString(s.containsKey("recordedByName") ? "recordedByName" : "recordedBy"))).toList(),
                d.getLong("version"));
    }
}
