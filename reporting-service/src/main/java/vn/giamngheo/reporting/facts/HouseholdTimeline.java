package vn.giamngheo.reporting.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.reporting.areas.Area;
import vn.giamngheo.reporting.areas.Areas;

/**
 * Everything reporting knows about one household, laid out on the calendar: where it was, its class, deprivations and
 * members on any day, the class changes, and its people's cards, study support and loans. Built from the stored
 * facts alone, so the live index and a rebuild from the topics derive identical timelines from identical facts.
 */
public final class HouseholdTimeline {

    /** A dated value; facts of the same day apply in sequence order. */
    record Dated<T>(LocalDate on, long sequence, T value) {
    }

    /**
     * A member as {@code household.events} describe them: sex and relation to the head are null in facts recorded
     * before reporting kept them (a rebuild from the topics fills them in).
     */
    public record Member(String personId, LocalDate dateOfBirth, String sex, String relationToHead) {

        public int ageOn(LocalDate date) {
            return dateOfBirth.until(date).getYears();
        }

        public boolean isHead() {
            return "HEAD".equals(relationToHead);
        }
    }

    /** One class change decided by the commune chairman, in the area the household was in on that day. */
    public record Change(LocalDate on, Area area, HouseholdClass from, HouseholdClass to, String transition) {
    }

    /** What a household looked like on a day. */
    public record State(Area area, HouseholdClass classification, List<String> deprived, List<Member> members) {
    }

    /** A person's card (from issue to last valid day), study support or a loan, as a day range. */
    public record Span(String personId, LocalDate from, LocalDate to) {

        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && (to == null || !date.isAfter(to));
        }
    }

    /** A recorded loan need: submitted on, granted on (null while not granted). */
    public record LoanNeed(LocalDate submittedOn, LocalDate grantedOn) {
    }

    private static final Comparator<Dated<?>> CHRONOLOGY =
            Comparator.<Dated<?>, LocalDate>comparing(Dated::on).thenComparingLong(Dated::sequence);

    private final String householdId;
    private final List<Dated<Area>> areas;
    private final List<Dated<HouseholdClass>> classes;
    private final List<Dated<List<String>>> deprivations;
    private final List<Dated<List<Member>>> compositions;
    private final LocalDate removedOn;
    private final List<Change> changes;
    private final List<Span> cards;
    private final List<Span> studySupport;
    private final List<LoanNeed> loans;

    private HouseholdTimeline(String householdId, List<Dated<Area>> areas, List<Dated<HouseholdClass>> classes,
            List<Dated<List<String>>> deprivations, List<Dated<List<Member>>> compositions, LocalDate removedOn,
            List<Change> changes, List<Span> cards, List<Span> studySupport, List<LoanNeed> loans) {
        this.householdId = householdId;
        this.areas = areas;
        this.classes = classes;
        this.deprivations = deprivations;
        this.compositions = compositions;
        this.removedOn = removedOn;
        this.changes = changes;
        this.cards = cards;
        this.studySupport = studySupport;
        this.loans = loans;
    }

    public String householdId() {
        return householdId;
    }

    /**
     * The household as it stood at the end of {@code date}; empty before its first fact (registration or first
     * decision, whichever is earlier) and from its removal on.
     */
    public Optional<State> on(LocalDate date) {
        if (areas.isEmpty() || date.isBefore(areas.getFirst().on())
                || (removedOn != null && !date.isBefore(removedOn))) {
            return Optional.empty();
        }
        HouseholdClass classification = latest(classes, date).orElse(null);
        List<Member> members = latest(compositions, date).orElseGet(() -> compositions.isEmpty()
                ? List.of() : compositions.getFirst().value());
        return Optional.of(new State(areaOn(date), classification, latest(deprivations, date).orElse(List.of()),
                members));
    }

    /** Where the household was on {@code date} (its earliest known area for the days before it). */
    public Area areaOn(LocalDate date) {
        return latest(areas, date).orElse(areas.getFirst().value());
    }

    public List<Change> changes() {
        return changes;
    }

    public Optional<LocalDate> removedOn() {
        return Optional.ofNullable(removedOn);
    }

    public boolean hasCard(String personId, LocalDate date) {
        return cards.stream().anyMatch(s -> s.personId().equals(personId) && s.covers(date));
    }

    public boolean hasStudySupport(String personId, LocalDate date) {
        return studySupport.stream().anyMatch(s -> s.personId().equals(personId) && s.covers(date));
    }

    public List<LoanNeed> loans() {
        return loans;
    }

    private static <T> Optional<T> latest(List<Dated<T>> values, LocalDate date) {
        T found = null;
        for (Dated<T> value : values) {
            if (value.on().isAfter(date)) {
                break;
            }
            found = value.value();
        }
        return Optional.ofNullable(found);
    }

    static HouseholdTimeline build(String householdId, Document household, Collection<Document> benefits,
            Collection<Document> cardRequests, Collection<Document> applications, Areas catalog) {
        List<Dated<Document>> facts = household == null ? List.of() : facts(household);
        List<Dated<Area>> areas = areas(facts, catalog);
        List<Dated<HouseholdClass>> classes = new ArrayList<>();
        List<Dated<List<String>>> deprivations = new ArrayList<>();
        List<Dated<List<Member>>> compositions = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        LocalDate removedOn = null;
        for (Dated<Document> f : facts) {
            Document fact = f.value();
            switch (fact.getString("kind")) {
                case "REGISTERED", "UPDATED" -> compositions.add(new Dated<>(f.on(), f.sequence(), members(fact)));
                case "ASSESSED" -> {
                    classes.add(new Dated<>(f.on(), f.sequence(), HouseholdClass.valueOf(fact.getString("classification"))));
                    deprivations.add(new Dated<>(f.on(), f.sequence(), List.copyOf(fact.getList("deprived", String.class))));
                }
                case "RECLASSIFIED" -> {
                    HouseholdClass to = HouseholdClass.valueOf(fact.getString("toClass"));
                    classes.add(new Dated<>(f.on(), f.sequence(), to));
                    String from = fact.getString("fromClass");
                    changes.add(new Change(f.on(), latest(areas, f.on()).orElse(areas.getFirst().value()),
                            from == null ? null : HouseholdClass.valueOf(from), to, fact.getString("transition")));
                }
                case "REMOVED" -> removedOn = f.on();
                default -> {
                    // a fact kind from a newer version of this service: nothing to count yet
                }
            }
        }
        List<Span> cards = new ArrayList<>();
        Map<String, LocalDate> revokedBenefits = new java.util.HashMap<>();
        List<Span> study = new ArrayList<>();
        for (Document benefit : benefits) {
            Map<String, Document> byKind = byKind(benefit);
            Document granted = byKind.get("GRANTED");
            Document revoked = byKind.get("REVOKED");
            LocalDate lastDay = revoked == null ? null : LocalDate.parse(revoked.getString("on")).minusDays(1);
            if (lastDay != null) {
                revokedBenefits.put(benefit.getString("_id"), lastDay);
            }
            if (granted != null && granted.getString("personId") != null
                    && ("TUITION_EXEMPTION".equals(granted.getString("policyCode"))
                    || "STUDY_COST_SUPPORT".equals(granted.getString("policyCode")))) {
                study.add(new Span(granted.getString("personId"), LocalDate.parse(granted.getString("on")),
                        earliest(date(granted.getString("validTo")), lastDay)));
            }
        }
        for (Document request : cardRequests) {
            Document issued = byKind(request).get("ISSUED");
            if (issued != null) {
                cards.add(new Span(issued.getString("personId"), LocalDate.parse(issued.getString("on")),
                        earliest(date(issued.getString("validTo")),
                                revokedBenefits.get(issued.getString("benefitDecisionId")))));
            }
        }
        List<LoanNeed> loans = new ArrayList<>();
        for (Document application : applications) {
            Map<String, Document> byKind = byKind(application);
            Document submitted = byKind.get("SUBMITTED");
            if (submitted != null && "SOCIAL_POLICY_BANK".equals(submitted.getString("department"))) {
                Document approved = byKind.get("APPROVED");
                loans.add(new LoanNeed(LocalDate.parse(submitted.getString("on")),
                        approved == null ? null : LocalDate.parse(approved.getString("on"))));
            }
        }
        return new HouseholdTimeline(householdId, areas, sorted(classes), sorted(deprivations), sorted(compositions),
                removedOn, List.copyOf(changes), List.copyOf(cards), List.copyOf(study), List.copyOf(loans));
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static <T> List<Dated<T>> sorted(List<Dated<T>> values) {
        values.sort(CHRONOLOGY);
        return List.copyOf(values);
    }

    private static List<Dated<Document>> facts(Document aggregate) {
        Document facts = aggregate.get(FactStore.FACTS, Document.class);
        List<Dated<Document>> dated = new ArrayList<>();
        if (facts != null) {
            facts.forEach((sequence, value) -> {
                Document fact = (Document) value;
                dated.add(new Dated<>(LocalDate.parse(fact.getString("on")), Long.parseLong(sequence), fact));
            });
        }
        dated.sort(CHRONOLOGY);
        return dated;
    }

    private static Map<String, Document> byKind(Document aggregate) {
        Map<String, Document> byKind = new java.util.HashMap<>();
        facts(aggregate).forEach(f -> byKind.putIfAbsent(f.value().getString("kind"), f.value()));
        return byKind;
    }

    private static List<Member> members(Document fact) {
        return fact.getList("members", Document.class).stream()
                .map(m -> new Member(m.getString("personId"), LocalDate.parse(m.getString("dateOfBirth")),
                        m.getString("sex"), m.getString("relationToHead")))
                .toList();
    }

    /**
     * Runs of the same unit code, each resolved to the unit version in force on the run's first day. The demo city
     * registers in 2026 households whose first decision is of 2021: the run then starts in 2021 and the code means
     * the 2021 ward, not the 2025 one that re-used it.
     */
    private static List<Dated<Area>> areas(List<Dated<Document>> facts, Areas catalog) {
        List<Dated<Area>> runs = new ArrayList<>();
        String current = null;
        for (Dated<Document> f : facts) {
            String code = f.value().getString("unitCode");
            if (code == null || code.equals(current)) {
                continue;
            }
            current = code;
            catalog.ofHousehold(code, f.on()).ifPresent(area -> runs.add(new Dated<>(f.on(), f.sequence(), area)));
        }
        return List.copyOf(runs);
    }
}
