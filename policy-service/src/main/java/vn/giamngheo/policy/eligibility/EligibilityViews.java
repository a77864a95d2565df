package vn.giamngheo.policy.eligibility;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.EventEnvelope;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.HouseholdRemoved;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.platform.mongo.MongoTimeouts;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Codec;
import vn.giamngheo.platform.persistence.SequencedViews;
import vn.giamngheo.policy.catalog.EligibilityFacts;
import vn.giamngheo.policy.eligibility.EligibilityView.ClassDecision;
import vn.giamngheo.policy.eligibility.EligibilityView.Facts;
import vn.giamngheo.policy.eligibility.EligibilityView.Member;
import vn.giamngheo.policy.eligibility.EligibilityView.MemberFacts;
import vn.giamngheo.policy.eligibility.EligibilityView.Receipt;

/**
 * The store of this service's view of each household ({@link EligibilityView}): read as records, many at a time, and
 * written a poll at a time — the household events through {@link SequencedViews} (guarded by the household's
 * sequence: a replay or a duplicate changes nothing), the receipts of {@code benefit.events} and the reconciliation
 * marks in one bulk write each. Each write sets only the fields its event sets, taken from the view after it.
 */
@Component
public class EligibilityViews {

    static final String COLLECTION = "eligibility_households";
    public static final Codec<EligibilityView> CODEC = Codec.of(EligibilityView::id, EligibilityViews::toDocument,
            EligibilityViews::fromDocument);

    /** Read by id; written only through {@link #sequenced} and the bulk writes below (no version of its own). */
    private final AggregateCollection<EligibilityView> records;
    private final SequencedViews sequenced;
    private final MongoCollection<Document> views;
    private final MongoCollection<Document> many;

    EligibilityViews(Aggregates aggregates, MongoDatabase database, MongoTimeouts timeouts) {
        this.records = aggregates.records(COLLECTION, CODEC);
        this.sequenced = aggregates.views(COLLECTION);
        this.views = database.getCollection(COLLECTION);
        this.many = timeouts.forLongOperations(views);
        views.createIndex(Indexes.ascending(NEXT_REVIEW));
    }

    /** A household event's change of a view: the view after it, and the write of the fields it sets. */
    public record Applied(EligibilityView after, SequencedViews.Update update) {
    }

    /**
     * The view after a household event, decided on {@code before} (null: no view yet), or empty when the view is at
     * or beyond the event's sequence (a duplicate) or the event is not a household event.
     */
    public static Optional<Applied> apply(EligibilityView before, EventEnvelope<?> event) {
        EligibilityView view = before == null ? EligibilityView.empty(event.subject()) : before;
        EligibilityView after;
        List<String> fields;
        switch (event.data()) {
            case HouseholdRegistered e -> {
                after = view.registered(event.id(), e);
                fields = REGISTERED;
            }
            case HouseholdUpdated e -> {
                after = view.updated(event.id(), e);
                fields = UPDATED;
            }
            case HouseholdReclassified e -> {
                after = view.reclassified(event.id(), e);
                fields = RECLASSIFIED;
            }
            case HouseholdRemoved e -> {
                after = view.removed(event.id(), e);
                fields = REMOVED;
            }
            default -> {
                return Optional.empty();
            }
        }
        if (view.sequence() != null && view.sequence() >= after.sequence()) {
            return Optional.empty();
        }
        Document encoded = toDocument(after);
        List<Bson> sets = fields.stream().map(f -> Updates.set(f, encoded.get(f))).toList();
        return Optional.of(new Applied(after, new SequencedViews.Update(after.id(), after.sequence(),
                Updates.combine(sets))));
    }

    /** Writes household events' updates: one read of the sequences, one bulk write; outcomes in their order. */
    public List<Outcome> write(List<SequencedViews.Update> updates) {
        return updates.isEmpty() ? List.of() : sequenced.applyAll(updates);
    }

    /** What each household event sets (besides the sequence). */
    private static final List<String> REGISTERED = List.of("unitCode", "village", "members", "registeredAt",
            "effectiveDate", "lastEventId");
    private static final List<String> UPDATED = List.of("unitCode", "village", "members", "effectiveDate",
            "lastEventId");
    private static final List<String> RECLASSIFIED = List.of("previousClass", "classification", "classifiedSince",
            "unitCode", "escapedPovertyOn", "effectiveDate", "decisionNumber", "decisionDate", "lastEventId");
    private static final List<String> REMOVED = List.of("removedOn", "effectiveDate", "removedReason",
            "lastEventId");

    /** Every view among {@code ids} that is stored, receipts-only ones included ({@link EligibilityView#known}). */
    public Map<String, EligibilityView> loadAll(Collection<String> ids) {
        return records.loadAll(ids);
    }

    /**
     * Writes the reconciliation marks (the sequence reconciled, the next day that matters) of these views in one bulk
     * write.
     */
    public void mark(Collection<EligibilityView> reconciled) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (EligibilityView view : reconciled) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", view.id()), marks(view)));
        }
        if (!writes.isEmpty()) {
            many.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** The update of a view's reconciliation marks, alone or with an event's update ({@link #mark}). */
    public static Bson marks(EligibilityView view) {
        List<Bson> sets = new ArrayList<>();
        if (view.reconciledSequence() != null) {
            sets.add(Updates.max("reconciledSequence", view.reconciledSequence()));
        }
        sets.add(Updates.set(NEXT_REVIEW, view.nextReviewOn() == null ? null : view.nextReviewOn().toString()));
        return Updates.combine(sets);
    }

    /** Every household this instance has seen. */
    public List<String> allIds() {
        List<String> ids = new ArrayList<>();
        MongoTimeouts.scan(views, Filters.exists(SequencedViews.SEQUENCE)).projection(Projections.include("_id"))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /** Households with a day that matters on or before {@code date}. */
    public List<String> dueOn(LocalDate date) {
        List<String> ids = new ArrayList<>();
        MongoTimeouts.scan(views, Filters.lte(NEXT_REVIEW, date.toString())).projection(Projections.include("_id"))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /**
     * Facts the departments hold and household events do not carry: whether the household farms, its monthly
     * electricity use, and each member's schooling, pension, disability and whether anyone is obliged to support them.
     * Only the given members change; the others keep what was recorded.
     *
     * @param farming                null leaves it as recorded
     * @param electricityKwhPerMonth null leaves it as recorded
     */
    public void recordFacts(String householdId, Boolean farming, Long electricityKwhPerMonth,
            Map<String, MemberFacts> members) {
        List<Bson> updates = new ArrayList<>();
        if (farming != null) {
            updates.add(Updates.set("facts.farming", farming));
        }
        if (electricityKwhPerMonth != null) {
            updates.add(Updates.set("facts.electricityKwhPerMonth", electricityKwhPerMonth));
        }
        members.forEach((personId, f) -> updates.add(Updates.set("facts.members." + personId, memberFacts(f))));
        if (!updates.isEmpty()) {
            views.updateOne(Filters.eq("_id", householdId), Updates.combine(updates));
        }
    }

    /** A receipt event's change of a view: the view after it, and the write of the receipt's fields. */
    public record ReceiptChange(EligibilityView after, Bson update) {
    }

    /**
     * The view after a {@code benefit.granted} of a decision this department's rules read (from its first day the
     * person or household receives it), decided on {@code before} (null: no view yet; the receipt starts it and the
     * household events complete it); empty when it changes nothing. Fields are set one by one, so its revocation may
     * arrive first.
     */
    public static Optional<ReceiptChange> receiptGranted(EligibilityView before, String householdId,
            String decisionId, String policyCode, String personId, LocalDate from, LocalDate to) {
        EligibilityView view = before == null ? EligibilityView.empty(householdId) : before;
        EligibilityView after = view.receiptGranted(decisionId, policyCode, personId, from, to);
        List<String> fields = to == null ? List.of("policyCode", "personId", "from")
                : List.of("policyCode", "personId", "from", "to");
        return receipt(before, after, decisionId, fields);
    }

    /** The view after the decision's {@code benefit.revoked}: received up to the day before {@code effectiveDate}. */
    public static Optional<ReceiptChange> receiptRevoked(EligibilityView before, String householdId,
            String decisionId, String policyCode, String personId, LocalDate effectiveDate) {
        EligibilityView view = before == null ? EligibilityView.empty(householdId) : before;
        EligibilityView after = view.receiptRevoked(decisionId, policyCode, personId, effectiveDate);
        return receipt(before, after, decisionId, List.of("policyCode", "personId", "to"));
    }

    private static Optional<ReceiptChange> receipt(EligibilityView before, EligibilityView after, String decisionId,
            List<String> fields) {
        Receipt was = before == null ? null : before.receipts().get(decisionId);
        if (before != null && was != null && was.equals(after.receipts().get(decisionId))) {
            return Optional.empty();
        }
        Document encoded = receipt(after.receipts().get(decisionId));
        String at = RECEIPTS + "." + decisionId + ".";
        return Optional.of(new ReceiptChange(after, Updates.combine(fields.stream()
                .map(f -> Updates.set(at + f, encoded.get(f))).toList())));
    }

    /** Writes receipts' changes in their order in one bulk write (a view that does not exist yet is started). */
    public void writeReceipts(List<ReceiptChange> changes) {
        List<WriteModel<Document>> writes = changes.stream().<WriteModel<Document>>map(c -> new UpdateOneModel<>(
                Filters.eq("_id", c.after().id()), c.update(), new UpdateOptions().upsert(true))).toList();
        if (!writes.isEmpty()) {
            many.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
    }

    private static final String RECEIPTS = "receipts";

    private static final String NEXT_REVIEW = "nextReviewOn";
    public static final String PREVIOUS_CLASS = "previousClass";

    /** The unit the household was last seen in, read alone (for the area check of every call about it). */
    public Optional<String> unitOf(String householdId) {
        if (householdId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(views.find(Filters.eq("_id", householdId))
                .projection(Projections.include("unitCode", SequencedViews.SEQUENCE)).first())
                .filter(d -> d.get(SequencedViews.SEQUENCE) != null).map(d -> d.getString("unitCode"));
    }

    /** The units of {@code householdIds} as last seen, in one read (a payment list groups its lines by commune). */
    public Map<String, String> unitsOf(Collection<String> householdIds) {
        Map<String, String> units = new HashMap<>();
        views.find(Filters.in("_id", householdIds)).projection(Projections.include("unitCode",
                SequencedViews.SEQUENCE)).forEach(d -> {
                    if (d.get(SequencedViews.SEQUENCE) != null && d.getString("unitCode") != null) {
                        units.put(d.getString("_id"), d.getString("unitCode"));
                    }
                });
        return units;
    }

    /** The view, once a household event made it (receipts alone do not make a household). */
    public Optional<EligibilityView> find(String householdId) {
        return records.find(householdId).filter(EligibilityView::known);
    }

    // The codec: the document as the events have always written it.

    private static Document toDocument(EligibilityView v) {
        Document facts = new Document();
        if (v.facts().farming() != null) {
            facts.append("farming", v.facts().farming());
        }
        if (v.facts().electricityKwhPerMonth() != null) {
            facts.append("electricityKwhPerMonth", v.facts().electricityKwhPerMonth());
        }
        if (!v.facts().members().isEmpty()) {
            Document members = new Document();
            v.facts().members().forEach((personId, f) -> members.append(personId, memberFacts(f)));
            facts.append("members", members);
        }
        Document receipts = new Document();
        v.receipts().forEach((decisionId, r) -> receipts.append(decisionId, receipt(r)));
        Document d = new Document("_id", v.id());
        if (v.sequence() != null) {
            d.append(SequencedViews.SEQUENCE, v.sequence());
        }
        return d.append("unitCode", v.unitCode())
                .append("village", v.village())
                .append("members", v.members().stream().map(m -> new Document("personId", m.personId())
                        .append("dateOfBirth", m.dateOfBirth().toString())
                        .append("sex", m.sex())
                        .append("relationToHead", m.relationToHead())).toList())
                .append("registeredAt", v.registeredAt() == null ? null : Date.from(v.registeredAt()))
                .append("effectiveDate", text(v.effectiveDate()))
                .append("lastEventId", v.lastEventId())
                .append("classification", v.classification())
                .append("classifiedSince", text(v.classifiedSince()))
                .append("escapedPovertyOn", text(v.escapedPovertyOn()))
                .append("decisionNumber", v.classDecision() == null ? null : v.classDecision().decisionNumber())
                .append("decisionDate", v.classDecision() == null ? null : text(v.classDecision().decisionDate()))
                .append(PREVIOUS_CLASS, v.previousClass() == null ? null : classDecision(v.previousClass()))
                .append("removedOn", text(v.removedOn()))
                .append("removedReason", v.removedReason())
                .append("facts", facts)
                .append(RECEIPTS, receipts)
                .append("reconciledSequence", v.reconciledSequence())
                .append(NEXT_REVIEW, text(v.nextReviewOn()));
    }

    private static Document classDecision(ClassDecision c) {
        return new Document("classification", c.classification())
                .append("classifiedSince", text(c.classifiedSince()))
                .append("escapedPovertyOn", text(c.escapedPovertyOn()))
                .append("decisionNumber", c.decisionNumber())
                .append("decisionDate", text(c.decisionDate()));
    }

    private static Document memberFacts(MemberFacts f) {
        return new Document("schooling", f.schooling()).append("publicSchool", f.publicSchool())
                .append("pensionVnd", f.pensionVnd()).append("disability", f.disability())
                .append("noOneObligedToSupport", f.noOneObligedToSupport());
    }

    private static Document receipt(Receipt r) {
        Document d = new Document("policyCode", r.policyCode()).append("personId", r.personId());
        if (r.from() != null) {
            d.append("from", r.from().toString());
        }
        if (r.to() != null) {
            d.append("to", r.to().toString());
        }
        return d;
    }

    static EligibilityView fromDocument(Document d) {
        Number sequence = d.get(SequencedViews.SEQUENCE, Number.class);
        Number reconciled = d.get("reconciledSequence", Number.class);
        Date registeredAt = d.getDate("registeredAt");
        ClassDecision decided = d.getString("classification") == null ? null : classDecision(d);
        Document previous = d.get(PREVIOUS_CLASS, Document.class);
        return new EligibilityView(d.getString("_id"), sequence == null ? null : sequence.longValue(),
                d.getString("unitCode"), d.getString("village"),
                d.getList("members", Document.class, List.of()).stream().map(m -> new Member(m.getString("personId"),
                        LocalDate.parse(m.getString("dateOfBirth")), m.getString("sex"),
                        m.getString("relationToHead"))).toList(),
                registeredAt == null ? null : registeredAt.toInstant(), date(d, "effectiveDate"),
                d.getString("lastEventId"), decided, previous == null ? null : classDecision(previous),
                date(d, "removedOn"), d.getString("removedReason"), facts(d.get("facts", Document.class)),
                receipts(d.get(RECEIPTS, Document.class)), reconciled == null ? null : reconciled.longValue(),
                date(d, NEXT_REVIEW));
    }

    private static ClassDecision classDecision(Document d) {
        return new ClassDecision(d.getString("classification"), date(d, "classifiedSince"),
                date(d, "escapedPovertyOn"), d.getString("decisionNumber"), date(d, "decisionDate"));
    }

    /**
     * The recorded facts. Facts recorded before the pension's amount was asked for say {@code hasPension}: true reads
     * as a pension of unknown amount, false as none.
     */
    private static Facts facts(Document facts) {
        if (facts == null) {
            return Facts.NONE;
        }
        Map<String, MemberFacts> members = new LinkedHashMap<>();
        Document recorded = facts.get("members", Document.class);
        if (recorded != null) {
            recorded.forEach((personId, value) -> {
                Document f = (Document) value;
                Number pension = f.get("pensionVnd", Number.class);
                long pensionVnd = pension != null ? pension.longValue()
                        : Boolean.TRUE.equals(f.getBoolean("hasPension")) ? EligibilityFacts.NOT_RECORDED : 0;
                members.put(personId, new MemberFacts(f.getString("schooling"),
                        Boolean.TRUE.equals(f.getBoolean("publicSchool")), pensionVnd, f.getString("disability"),
                        Boolean.TRUE.equals(f.getBoolean("noOneObligedToSupport"))));
            });
        }
        Number kwh = facts.get("electricityKwhPerMonth", Number.class);
        return new Facts(facts.getBoolean("farming"), kwh == null ? null : kwh.longValue(), members);
    }

    private static Map<String, Receipt> receipts(Document receipts) {
        Map<String, Receipt> result = new LinkedHashMap<>();
        if (receipts != null) {
            receipts.forEach((decisionId, value) -> {
                Document r = (Document) value;
                result.put(decisionId, new Receipt(r.getString("policyCode"), r.getString("personId"),
                        date(r, "from"), date(r, "to")));
            });
        }
        return result;
    }

    private static LocalDate date(Document d, String field) {
        String text = d.getString(field);
        return text == null ? null : LocalDate.parse(text);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
