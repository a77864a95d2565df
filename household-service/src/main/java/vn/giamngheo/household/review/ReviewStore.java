package vn.giamngheo.household.review;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;

/**
 * Rounds, surveys and complaints, one document each (a ward's round may hold thousands of surveys, so they are not
 * embedded in the round). Rounds are aggregates: written as changes guarded by their version, with their events.
 */
@Component
class ReviewStore {

    static final String ROUNDS = "review_rounds";
    private static final int BUCKETS = 256;
    /** Survey answers are kept as the request gave them (a draft's facts may be partly empty). */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Codec<ReviewRound> ROUND = Codec.of(ReviewRound::id, ReviewStore::toDocument,
            ReviewStore::roundFrom);

    private final AggregateCollection<ReviewRound> roundAggregates;
    private final MongoCollection<Document> rounds;
    private final MongoCollection<Document> surveys;
    private final MongoCollection<Document> members;
    private final MongoCollection<Document> complaints;

    ReviewStore(Aggregates aggregates, MongoDatabase database) {
        roundAggregates = aggregates.withOutbox(ROUNDS, ROUND);
        rounds = database.getCollection(ROUNDS);
        surveys = database.getCollection("review_surveys");
        members = database.getCollection("review_round_households");
        complaints = database.getCollection("review_complaints");
        surveys.createIndex(Indexes.ascending("roundId"));
        complaints.createIndex(Indexes.ascending("roundId"));
        rounds.createIndex(Indexes.ascending("unitCode", "referenceDate"));
        rounds.createIndex(Indexes.ascending("referenceDate"));
    }

    void insert(ReviewRound round) {
        if (!roundAggregates.insertIfAbsent(round)) {
            throw ReviewRuleException.conflict("id", "round " + round.id() + " exists");
        }
    }

    /** Writes the round's new state and its events, in one write guarded by the version before it. */
    void update(ReviewRound round, DomainEvent... events) {
        if (!roundAggregates.apply(Change.update(round.version() - 1, round, Change.Event.of(List.of(events))))) {
            throw ReviewRuleException.conflict("version", "round " + round.id()
                    + " was changed by someone else at the same time; please retry");
        }
    }

    Optional<ReviewRound> find(String id) {
        return roundAggregates.find(id);
    }

    /**
     * Saves a survey. A round's households are also listed by the round, in {@value #BUCKETS} buckets of about a
     * hundred ids each (so that no write rewrites a whole ward's list): a round's surveys are then read by
     * {@code _id}, which every MongoDB, including the local one, answers from its index. The id is listed first, so an
     * interrupted save leaves at most an id without a survey, which reading skips.
     */
    void save(Survey survey) {
        members.updateOne(Filters.eq("_id", bucket(survey.roundId(), survey.householdId())),
                Updates.addToSet("householdIds", survey.householdId()), new UpdateOptions().upsert(true));
        surveys.replaceOne(Filters.eq("_id", Survey.id(survey.roundId(), survey.householdId())), toDocument(survey),
                new ReplaceOptions().upsert(true));
    }

    /**
     * {@link #save} for many surveys of one round or more, in two bulk writes: every household listed in its bucket
     * first, then every survey.
     */
    void saveAll(Collection<Survey> all) {
        if (all.isEmpty()) {
            return;
        }
        Map<String, List<String>> byBucket = new LinkedHashMap<>();
        all.forEach(s -> byBucket.computeIfAbsent(bucket(s.roundId(), s.householdId()), b -> new ArrayList<>())
                .add(s.householdId()));
        List<UpdateOneModel<Document>> listed = new ArrayList<>();
        byBucket.forEach((bucket, ids) -> listed.add(new UpdateOneModel<>(Filters.eq("_id", bucket),
                Updates.addEachToSet("householdIds", ids), new UpdateOptions().upsert(true))));
        members.bulkWrite(listed, new BulkWriteOptions().ordered(false));
        surveys.bulkWrite(all.stream().<WriteModel<Document>>map(s -> new ReplaceOneModel<>(
                Filters.eq("_id", Survey.id(s.roundId(), s.householdId())), toDocument(s),
                new ReplaceOptions().upsert(true))).toList(), new BulkWriteOptions().ordered(false));
    }

    /** The surveys of these households in a round, those that exist: read by id, a thousand a query. */
    List<Survey> surveys(String roundId, Collection<String> householdIds) {
        List<String> ids = householdIds.stream().map(h -> Survey.id(roundId, h)).toList();
        List<Survey> result = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1_000) {
            surveys.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + 1_000))))
                    .forEach(d -> result.add(surveyFrom(d)));
        }
        return result;
    }

    Optional<Survey> survey(String roundId, String householdId) {
        return Optional.ofNullable(surveys.find(Filters.eq("_id", Survey.id(roundId, householdId))).first())
                .map(ReviewStore::surveyFrom);
    }

    /** The surveys of a round, in the order of their ids. */
    List<Survey> surveys(String roundId) {
        List<String> ids = new ArrayList<>();
        members.find(Filters.in("_id", IntStream.range(0, BUCKETS).mapToObj(b -> roundId + "#" + b).toList()))
                .forEach(d -> d.getList("householdIds", String.class).forEach(h -> ids.add(Survey.id(roundId, h))));
        List<Survey> result = new ArrayList<>();
        if (ids.isEmpty()) {
            // A round surveyed before its households were listed by bucket.
            surveys.find(Filters.eq("roundId", roundId)).forEach(d -> result.add(surveyFrom(d)));
        }
        for (int from = 0; from < ids.size(); from += 1_000) {
            surveys.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + 1_000))))
                    .forEach(d -> result.add(surveyFrom(d)));
        }
        result.sort(Comparator.comparing(s -> Survey.id(s.roundId(), s.householdId())));
        return result;
    }

    /**
     * The rounds of one unit (null: of every unit) of one kind (null: both) with a reference date in [from, to]
     * (either null: open-ended), newest first; one query.
     */
    List<ReviewRound> rounds(String unitCode, ReviewKind kind, LocalDate from, LocalDate to) {
        List<Bson> conditions = new ArrayList<>();
        if (unitCode != null) {
            conditions.add(Filters.eq("unitCode", unitCode));
        }
        if (kind != null) {
            conditions.add(Filters.eq("kind", kind.name()));
        }
        if (from != null) {
            conditions.add(Filters.gte("referenceDate", from.toString()));
        }
        if (to != null) {
            conditions.add(Filters.lte("referenceDate", to.toString()));
        }
        List<ReviewRound> result = new ArrayList<>();
        rounds.find(conditions.isEmpty() ? new Document() : Filters.and(conditions))
                .projection(roundAggregates.readProjection())
                .sort(Sorts.descending("referenceDate", "openedAt", "_id"))
                .forEach(d -> result.add(roundFrom(d)));
        return result;
    }

    /** A survey's place in a round, without its answers. */
    record SurveyState(String roundId, String householdId, SurveyStatus status) {
    }

    /** Which household has which survey status, in each of these rounds: one query, read once. */
    List<SurveyState> surveyStates(Collection<String> roundIds) {
        List<SurveyState> result = new ArrayList<>();
        if (roundIds.isEmpty()) {
            return result;
        }
        surveys.find(Filters.in("roundId", roundIds)).projection(Projections.include("roundId", "householdId",
                "status")).forEach(d -> result.add(new SurveyState(d.getString("roundId"), d.getString("householdId"),
                        SurveyStatus.valueOf(d.getString("status")))));
        return result;
    }

    /** Each of these rounds' complaints by status: one query. */
    List<Complaint> complaintsOf(Collection<String> roundIds) {
        List<Complaint> result = new ArrayList<>();
        if (!roundIds.isEmpty()) {
            complaints.find(Filters.in("roundId", roundIds)).forEach(d -> result.add(complaintFrom(d)));
        }
        return result;
    }

    private static String bucket(String roundId, String householdId) {
        return roundId + "#" + Math.floorMod(householdId.hashCode(), BUCKETS);
    }

    void save(Complaint complaint) {
        complaints.replaceOne(Filters.eq("_id", complaint.id()), toDocument(complaint),
                new ReplaceOptions().upsert(true));
    }

    Optional<Complaint> complaint(String id) {
        return Optional.ofNullable(complaints.find(Filters.eq("_id", id)).first()).map(ReviewStore::complaintFrom);
    }

    List<Complaint> complaints(String roundId) {
        List<Complaint> result = new ArrayList<>();
        complaints.find(Filters.eq("roundId", roundId)).sort(Sorts.ascending("filedOn", "_id"))
                .forEach(d -> result.add(complaintFrom(d)));
        return result;
    }

    private static Document toDocument(ReviewRound r) {
        Document decision = r.decision() == null ? null : new Document("number", r.decision().number())
                .append("date", r.decision().date().toString())
                .append("signerRole", r.decision().signerRole())
                .append("effectiveDate", r.decision().effectiveDate().toString());
        return new Document("_id", r.id())
                .append("unitCode", r.unitCode())
                .append("kind", r.kind().name())
                .append("referenceDate", r.referenceDate().toString())
                .append("standard", r.standard())
                .append("postingWorkingDays", r.postingWorkingDays())
                .append("state", r.state().name())
                .append("openedAt", Date.from(r.openedAt()))
                .append("lastMeetingOn", text(r.lastMeetingOn()))
                .append("postingStartedOn", text(r.postingStartedOn()))
                .append("postingEndsOn", text(r.postingEndsOn()))
                .append("decision", decision)
                .append("version", r.version());
    }

    private static ReviewRound roundFrom(Document d) {
        Document decision = d.get("decision", Document.class);
        return new ReviewRound(d.getString("_id"), d.getString("unitCode"), ReviewKind.valueOf(d.getString("kind")),
                date(d.getString("referenceDate")), d.getString("standard"), d.getInteger("postingWorkingDays"),
                RoundState.valueOf(d.getString("state")), d.getDate("openedAt").toInstant(),
                date(d.getString("lastMeetingOn")), date(d.getString("postingStartedOn")),
                date(d.getString("postingEndsOn")),
                decision == null ? null : new ReviewRound.DecisionInfo(decision.getString("number"),
                        date(decision.getString("date")), decision.getString("signerRole"),
                        date(decision.getString("effectiveDate"))),
                d.getLong("version"));
    }

    private static Document toDocument(Survey s) {
        return new Document("_id", Survey.id(s.roundId(), s.householdId()))
                .append("roundId", s.roundId())
                .append("householdId", s.householdId())
                .append("status", s.status().name())
                .append("assessmentId", s.assessmentId())
                .append("classification", s.classification() == null ? null : s.classification().name())
                .append("standard", s.standard())
                .append("areaType", s.areaType())
                .append("monthlyIncomePerCapitaVnd", s.monthlyIncomePerCapitaVnd())
                .append("deprivedIndicators", s.deprivedIndicators())
                .append("explanation", s.explanation())
                .append("surveyedAt", Date.from(s.surveyedAt()))
                .append("answersFingerprint", s.answersFingerprint())
                .append("votes", s.votes().stream().map(v -> new Document("date", v.date().toString())
                        .append("participants", v.participants()).append("agreeing", v.agreeing())).toList())
                .append("answers", s.answers() == null ? null : Document.parse(JSON.writeValueAsString(s.answers())));
    }

    private static Survey surveyFrom(Document d) {
        String classification = d.getString("classification");
        Document answers = d.get("answers", Document.class);
        return new Survey(d.getString("roundId"), d.getString("householdId"),
                SurveyStatus.valueOf(d.getString("status")), d.getString("assessmentId"),
                classification == null ? null : HouseholdClass.valueOf(classification), d.getString("standard"),
                d.getString("areaType"), d.get("monthlyIncomePerCapitaVnd") == null ? null
                        : ((Number) d.get("monthlyIncomePerCapitaVnd")).longValue(),
                d.getList("deprivedIndicators", String.class), d.getList("explanation", String.class),
                d.getDate("surveyedAt").toInstant(), d.getString("answersFingerprint"),
                d.getList("votes", Document.class).stream().map(v -> new Survey.Vote(date(v.getString("date")),
                        v.getInteger("participants"), v.getInteger("agreeing"))).toList(),
                answers == null ? null : JSON.readValue(answers.toJson(), Survey.Answers.class));
    }

    private static Document toDocument(Complaint c) {
        return new Document("_id", c.id())
                .append("roundId", c.roundId())
                .append("householdId", c.householdId())
                .append("text", c.text())
                .append("filedOn", c.filedOn().toString())
                .append("status", c.status().name())
                .append("resolution", c.resolution())
                .append("resolvedOn", text(c.resolvedOn()));
    }

    private static Complaint complaintFrom(Document d) {
        return new Complaint(d.getString("_id"), d.getString("roundId"), d.getString("householdId"),
                d.getString("text"), date(d.getString("filedOn")), Complaint.Status.valueOf(d.getString("status")),
                d.getString("resolution"), date(d.getString("resolvedOn")));
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
