package vn.giamngheo.reporting.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    static HouseholdTimeline build(String householdId, FactStore.Facts household,
            Collection<FactStore.Facts> benefits, Collection<FactStore.Facts> cardRequests,
            Collection<FactStore.Facts> applications, Areas catalog) {
        List<Dated<Fact>> facts = household == null ? List.of() : facts(household);
        List<Dated<Area>> areas = areas(facts, catalog);
        List<Dated<HouseholdClass>> classes = new ArrayList<>();
        List<Dated<List<String>>> deprivations = new ArrayList<>();
        List<Dated<List<Member>>> compositions = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        LocalDate removedOn = null;
        for (Dated<Fact> f : facts) {
            switch (f.value()) {
                case Fact.Registered registered -> compositions.add(new Dated<>(f.on(), f.sequence(),
                        registered.members()));
                case Fact.Updated updated -> compositions.add(new Dated<>(f.on(), f.sequence(), updated.members()));
                case Fact.Assessed assessed -> {
                    classes.add(new Dated<>(f.on(), f.sequence(), assessed.classification()));
                    deprivations.add(new Dated<>(f.on(), f.sequence(), assessed.deprived()));
                }
                case Fact.Reclassified reclassified -> {
                    classes.add(new Dated<>(f.on(), f.sequence(), reclassified.toClass()));
                    changes.add(new Change(f.on(), latest(areas, f.on()).orElse(areas.getFirst().value()),
                            reclassified.fromClass(), reclassified.toClass(), reclassified.transition().name()));
                }
                case Fact.Removed removed -> removedOn = f.on();
                default -> {
                    // a fact of another aggregate, or of a kind from a newer version of this service: nothing to count
                }
            }
        }
        List<Span> cards = new ArrayList<>();
        Map<String, LocalDate> revokedBenefits = new java.util.HashMap<>();
        List<Span> study = new ArrayList<>();
        for (FactStore.Facts benefit : benefits) {
            Fact.Granted granted = first(benefit, Fact.Granted.class);
            Fact.Revoked revoked = first(benefit, Fact.Revoked.class);
            LocalDate lastDay = revoked == null ? null : revoked.on().minusDays(1);
            if (lastDay != null) {
                revokedBenefits.put(benefit.id(), lastDay);
            }
            if (granted != null && granted.personId() != null
                    && ("TUITION_EXEMPTION".equals(granted.policyCode())
                    || "STUDY_COST_SUPPORT".equals(granted.policyCode()))) {
                study.add(new Span(granted.personId(), granted.on(), earliest(granted.validTo(), lastDay)));
            }
        }
        for (FactStore.Facts request : cardRequests) {
            Fact.Issued issued = first(request, Fact.Issued.class);
            if (issued != null) {
                cards.add(new Span(issued.personId(), issued.on(), earliest(issued.validTo(),
                        revokedBenefits.get(issued.benefitDecisionId()))));
            }
        }
        List<LoanNeed> loans = new ArrayList<>();
        for (FactStore.Facts application : applications) {
            Fact.Submitted submitted = first(application, Fact.Submitted.class);
            if (submitted != null && "SOCIAL_POLICY_BANK".equals(submitted.department())) {
                Fact.Approved approved = first(application, Fact.Approved.class);
                loans.add(new LoanNeed(submitted.on(), approved == null ? null : approved.on()));
            }
        }
        return new HouseholdTimeline(householdId, areas, sorted(classes), sorted(deprivations), sorted(compositions),
                removedOn, List.copyOf(changes), List.copyOf(cards), List.copyOf(study), List.copyOf(loans));
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static <T> List<Dated<T>> sorted(List<Dated<T>> values) {
        values.sort(CHRONOLOGY);
        return List.copyOf(values);
    }

    private static List<Dated<Fact>> facts(FactStore.Facts aggregate) {
        List<Dated<Fact>> dated = new ArrayList<>();
        aggregate.bySequence().forEach((sequence, fact) -> dated.add(new Dated<>(fact.on(), sequence, fact)));
        dated.sort(CHRONOLOGY);
        return dated;
    }

    /** The aggregate's chronologically first fact of a kind, or null. */
    private static <F extends Fact> F first(FactStore.Facts aggregate, Class<F> kind) {
        for (Dated<Fact> f : facts(aggregate)) {
            if (kind.isInstance(f.value())) {
                return kind.cast(f.value());
            }
        }
        return null;
    }

    /**
     * Runs of the same unit code, each resolved to the unit version in force on the run's first day. The demo city
     * registers in 2026 households whose first decision is of 2021: the run then starts in 2021 and the code means
     * the 2021 ward, not the 2025 one that re-used it.
     */
    private static List<Dated<Area>> areas(List<Dated<Fact>> facts, Areas catalog) {
        List<Dated<Area>> runs = new ArrayList<>();
        String current = null;
        for (Dated<Fact> f : facts) {
            String code = f.value().unitCode();
            if (code == null || code.equals(current)) {
                continue;
            }
            current = code;
            catalog.ofHousehold(code, f.on()).ifPresent(area -> runs.add(new Dated<>(f.on(), f.sequence(), area)));
        }
        return List.copyOf(runs);
    }
}
