package vn.giamngheo.household.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.household.HouseholdAssessed;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.contracts.household.HouseholdReclassified;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.contracts.household.HouseholdRemoved;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.contracts.household.Transition;

/**
 * A household of the registry (hộ gia đình), the aggregate whose id keys its events. Every change is an explicit
 * command that returns the new state, the events it causes and a history entry; nothing is overwritten silently.
 * Plain Java: its rules are tested without Spring, Mongo or Kafka.
 *
 * @param version      the sequence of its latest event
 * @param currentClass the class of the latest review decision; null until the first
 * @param unitSince    the day from which it is recorded in {@code unitCode} (registration, or the successor recorded
 *                     after a split): with it the code names one unit version, since codes were re-used in 2025
 *                     (04891 recorded in 2024 is Xã Vầy Nưa, since split; recorded in 2026 it is Xã Tiền Phong)
 */
public record Household(String id, String unitCode, String village, List<Member> members, Instant registeredAt,
        long version, HouseholdStatus status, HouseholdClass currentClass, List<ClassRecord> classHistory,
        LocalDate newlyEscapedUntil, LocalDate unitSince) {

    /** Decision 28/2015/QĐ-TTg, Decision 90/QĐ-TTg: "newly escaped" lasts 36 months from the recognition decision. */
    public static final int NEWLY_ESCAPED_MONTHS = 36;

    public Household {
        members = List.copyOf(members);
        classHistory = List.copyOf(classHistory);
    }

    /** A household as first stored, before any class decision. */
    public Household(String id, String unitCode, String village, List<Member> members, Instant registeredAt,
            long version, HouseholdStatus status, HouseholdClass currentClass, LocalDate unitSince) {
        this(id, unitCode, village, members, registeredAt, version, status, currentClass, List.of(), null, unitSince);
    }

    /** The result of a command: the household after it, its events in order, and the line for its history. */
    public record Change(Household household, List<DomainEvent> events, HistoryEntry history) {
    }

    /**
     * One line of a household's history.
     *
     * @param change e.g. REGISTERED, MEMBER_ADDED, HEAD_CHANGED, MOVED_AWAY
     */
    public record HistoryEntry(long version, String change, LocalDate effectiveDate, Instant recordedAt,
            String details) {
    }

    public static Change register(String id, String unitCode, String village, List<Member> members, Instant now,
            LocalDate on) {
        return register(id, unitCode, on, village, members, now, on);
    }

    private static Change register(String id, String unitCode, LocalDate unitSince, String village,
            List<Member> members, Instant now, LocalDate on) {
        requireOneHead(members);
        requireDistinctPeople(members);
        Household household = new Household(id, unitCode, village, members, now, 1, HouseholdStatus.ACTIVE, null,
                unitSince);
        HouseholdRegistered event = new HouseholdRegistered(id, 1, unitCode, village, now, household.memberFacts());
        return new Change(household, List.of(event), new HistoryEntry(1, "REGISTERED", on, now,
                members.size() + " thành viên, chủ hộ " + household.head().fullName()));
    }

    public List<Member> activeMembers() {
        return members.stream().filter(Member::active).toList();
    }

    public Member head() {
        return activeMembers().stream().filter(m -> m.relationToHead() == Relation.HEAD).findFirst()
                .orElseThrow(() -> new IllegalStateException("household " + id + " has no head"));
    }

    public Optional<Member> activeMember(String personId) {
        return activeMembers().stream().filter(m -> m.personId().equals(personId)).findFirst();
    }

    public Change addMember(Member member, LocalDate on, Instant now) {
        requireActive();
        if (member.relationToHead() == Relation.HEAD) {
            throw new RegistryRuleException("relationToHead", "a household has one head; to change it, use the "
                    + "change-of-head command after adding the person");
        }
        if (activeMember(member.personId()).isPresent()) {
            throw new RegistryRuleException("personId", member.personId() + " is already a member");
        }
        return updated("MEMBER_ADDED", with(plus(members, member)), on, now,
                "Thêm " + member.fullName() + " (" + member.relationToHead() + ")");
    }

    public Change removeMember(String personId, String reason, LocalDate on, Instant now) {
        Member member = requireActiveMember(personId);
        if (member.relationToHead() == Relation.HEAD) {
            throw new RegistryRuleException("personId", member.fullName() + " is the head of household: change "
                    + "the head first, or record that the household moved away");
        }
        return updated("MEMBER_REMOVED", with(replace(member, member.leaving(on, reason))), on, now,
                "Xoá " + member.fullName() + ": " + reason);
    }

    /** A member's identity data corrected; the history says which fields, not their values (those stay private). */
    public Change correctMember(Member member, Member corrected, String reason, LocalDate on, Instant now) {
        List<String> fields = new ArrayList<>();
        if (!member.fullName().equals(corrected.fullName())) {
            fields.add("họ tên");
        }
        if (!member.dateOfBirth().equals(corrected.dateOfBirth())) {
            fields.add("ngày sinh");
        }
        if (member.sex() != corrected.sex()) {
            fields.add("giới tính");
        }
        if (!java.util.Objects.equals(member.citizenId(), corrected.citizenId())) {
            fields.add("số CCCD");
        }
        if (!java.util.Objects.equals(member.sensitive(), corrected.sensitive())) {
            fields.add("thông tin nhạy cảm");
        }
        if (fields.isEmpty()) {
            throw new RegistryRuleException("correction", "changes nothing");
        }
        return updated("MEMBER_CORRECTED", with(replace(member, corrected)), on, now,
                "Đính chính " + String.join(", ", fields) + " của " + corrected.fullName() + ": " + reason);
    }

    /** The head changes; the previous head stays a member with the relation given. */
    public Change changeHead(String newHeadId, Relation previousHeadRelation, LocalDate on, Instant now) {
        Member newHead = requireActiveMember(newHeadId);
        Member oldHead = head();
        if (newHead.personId().equals(oldHead.personId())) {
            throw new RegistryRuleException("newHeadPersonId", newHead.fullName() + " is already the head");
        }
        if (previousHeadRelation == Relation.HEAD) {
            throw new RegistryRuleException("previousHeadRelation", "the previous head cannot stay head");
        }
        List<Member> changed = new ArrayList<>();
        for (Member m : members) {
            if (m.active() && m.personId().equals(newHeadId)) {
                changed.add(m.withRelation(Relation.HEAD));
            } else if (m.active() && m.personId().equals(oldHead.personId())) {
                changed.add(m.withRelation(previousHeadRelation));
            } else {
                changed.add(m);
            }
        }
        return updated("HEAD_CHANGED", with(changed), on, now,
                "Chủ hộ mới: " + newHead.fullName() + " (thay " + oldHead.fullName() + ")");
    }

    /** A member leaves for another household of the registry (the other side is {@link #moveIn}). */
    public Change moveOut(String personId, String toHouseholdId, LocalDate on, Instant now) {
        Member member = requireActiveMember(personId);
        if (member.relationToHead() == Relation.HEAD) {
            throw new RegistryRuleException("personId", member.fullName() + " is the head of household: change "
                    + "the head first");
        }
        return updated("MEMBER_MOVED_OUT", with(replace(member, member.leaving(on, "MOVED_TO:" + toHouseholdId))),
                on, now, member.fullName() + " chuyển sang hộ " + toHouseholdId);
    }

    public Change moveIn(Member member, Relation relation, String fromHouseholdId, LocalDate on, Instant now) {
        requireActive();
        if (relation == Relation.HEAD) {
            throw new RegistryRuleException("relationToHead", "a person moving in cannot become head directly");
        }
        if (activeMember(member.personId()).isPresent()) {
            throw new RegistryRuleException("personId", member.fullName() + " is already a member");
        }
        return updated("MEMBER_MOVED_IN", with(plus(members, member.joiningAs(relation, on))), on, now,
                member.fullName() + " chuyển đến từ hộ " + fromHouseholdId);
    }

    /**
     * Some members leave to found a new household (tách hộ) in the same unit. Returns the change of this household;
     * the new household is {@link Split#founded()}.
     */
    public Split split(Set<String> personIds, String newHeadId, Map<String, Relation> relations, String newId,
            String newVillage, LocalDate on, Instant now) {
        requireActive();
        if (personIds.isEmpty()) {
            throw new RegistryRuleException("personIds", "name at least one member to split off");
        }
        if (!personIds.contains(newHeadId)) {
            throw new RegistryRuleException("newHeadPersonId", "the new head must be one of the members who leave");
        }
        List<Member> leaving = new ArrayList<>();
        for (String personId : personIds) {
            Member m = requireActiveMember(personId);
            if (m.relationToHead() == Relation.HEAD) {
                throw new RegistryRuleException("personIds", m.fullName() + " is the head of this household: "
                        + "change the head first");
            }
            leaving.add(m);
        }
        if (leaving.size() == activeMembers().size()) {
            throw new RegistryRuleException("personIds", "at least one member must stay");
        }
        List<Member> founders = leaving.stream().map(m -> m.joiningAs(m.personId().equals(newHeadId) ? Relation.HEAD
                : relations.getOrDefault(m.personId(), Relation.OTHER_RELATIVE), on)).toList();
        List<Member> remaining = new ArrayList<>(members);
        for (Member m : leaving) {
            remaining.set(remaining.indexOf(m), m.leaving(on, "SPLIT_TO:" + newId));
        }
        Change origin = updated("SPLIT", with(remaining), on, now,
                leaving.size() + " thành viên tách thành hộ mới " + newId);
        // The new household lies where this one does: the same unit, recorded since the same day.
        Change founded = register(newId, unitCode, unitSince, newVillage == null ? village : newVillage, founders,
                now, on);
        return new Split(origin, founded);
    }

    public record Split(Change origin, Change founded) {
    }

    /** Another household joins this one (nhập hộ): its active members become members here. */
    public Change absorb(Household other, Map<String, Relation> relations, LocalDate on, Instant now) {
        requireActive();
        if (other.id().equals(id)) {
            throw new RegistryRuleException("absorbedHouseholdId", "a household cannot merge into itself");
        }
        List<Member> merged = new ArrayList<>(members);
        for (Member m : other.activeMembers()) {
            if (activeMember(m.personId()).isPresent()) {
                continue;
            }
            Relation relation = relations.getOrDefault(m.personId(), Relation.OTHER_RELATIVE);
            if (relation == Relation.HEAD) {
                throw new RegistryRuleException("relations", "this household keeps its head");
            }
            merged.add(m.joiningAs(relation, on));
        }
        return updated("MERGED", with(merged), on, now, "Nhập hộ " + other.id() + " ("
                + other.activeMembers().size() + " thành viên)");
    }

    /** This household ended by merging into another: its members left for it. */
    public Change mergedInto(String targetId, LocalDate on, Instant now) {
        return removed("MERGED_INTO:" + targetId, on, now, "Nhập vào hộ " + targetId);
    }

    /**
     * The unit this household was recorded in was split ({@code predecessor}, e.g. "Xã Vầy Nưa (04891)"); its village
     * lies in {@code successor}, which covers it from {@code since}, the successor's first day. Its village may have
     * been renamed with the merger.
     */
    public Change recordSuccessor(String successor, String successorName, LocalDate since, String newVillage,
            String predecessor, LocalDate on, Instant now) {
        requireActive();
        String villageAfter = newVillage == null ? village : newVillage;
        Household after = new Household(id, successor, villageAfter, members, registeredAt, version + 1, status,
                currentClass, classHistory, newlyEscapedUntil, since);
        HouseholdUpdated event = new HouseholdUpdated(id, after.version(), "SUCCESSOR_UNIT_RECORDED", successor,
                villageAfter, since, after.memberFacts());
        return new Change(after, List.of(event), new HistoryEntry(after.version(), "SUCCESSOR_UNIT_RECORDED", since,
                now, predecessor + " được chia tách; " + villageAfter + " thuộc " + successorName + " (" + successor
                        + ") từ " + since + " (ghi nhận ngày " + on + ")"));
    }

    /** The household left the registry (chuyển đi nơi khác, or dissolved). */
    public Change moveAway(String reason, LocalDate on, Instant now) {
        return removed(reason, on, now, "Hộ ra khỏi danh sách: " + reason);
    }

    /** True once a decision of this round has been applied: applying it again changes nothing. */
    public boolean decidedIn(String roundId) {
        return classHistory.stream().anyMatch(r -> r.roundId().equals(roundId));
    }

    /**
     * The class in force on {@code date}: that of the latest decision which has taken effect by then. A decision takes
     * effect on its own date, an annual review's on 1 January of the year its lists are for; a later decision
     * supersedes an earlier one even if the earlier one has not taken effect yet (it reviewed the household again).
     * Null before the first decision in force.
     */
    public HouseholdClass classOn(LocalDate date) {
        return decisionOn(date).map(ClassRecord::toClass).orElse(null);
    }

    private Optional<ClassRecord> decisionOn(LocalDate date) {
        for (ClassRecord record : classHistory.reversed()) {
            if (!record.effectiveDate().isAfter(date)) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    /** The class in force the day before the latest decision takes effect; null without one. */
    public HouseholdClass classBeforeLatest() {
        return classHistory.isEmpty() ? null : classOn(classHistory.getLast().effectiveDate().minusDays(1));
    }

    /** The latest decision when it takes effect after {@code date} (an annual review's lists of next year). */
    public Optional<ClassRecord> decisionPendingOn(LocalDate date) {
        return classHistory.isEmpty() || !classHistory.getLast().effectiveDate().isAfter(date) ? Optional.empty()
                : Optional.of(classHistory.getLast());
    }

    /**
     * The commune chairman's decision (Decision 24/2021/QĐ-TTg): always records the assessment
     * ({@code household.assessed}); changes the class ({@code household.reclassified}) only when it differs from the
     * class in force on the day the decision takes effect.
     */
    public Change decide(Decision d, Instant now) {
        requireActive();
        if (decidedIn(d.roundId())) {
            throw new IllegalStateException("round " + d.roundId() + " was already applied to " + id);
        }
        HouseholdClass from = classOn(d.effectiveDate());
        HouseholdClass to = d.householdClass();
        Transition transition = transition(from, to);
        LocalDate escapedUntil = newlyEscapedUntil;
        if (transition == Transition.ESCAPED_POVERTY || transition == Transition.ESCAPED_NEAR_POVERTY) {
            escapedUntil = d.decisionDate().plusMonths(NEWLY_ESCAPED_MONTHS).minusDays(1);
        } else if (to == HouseholdClass.POOR || to == HouseholdClass.NEAR_POOR) {
            escapedUntil = null;
        }
        ClassRecord record = new ClassRecord(d.roundId(), d.decisionNumber(), d.decisionDate(), d.effectiveDate(),
                d.standard(), d.areaType(), from, to, transition, d.assessmentId(), d.monthlyIncomePerCapitaVnd(),
                d.deprivedIndicators(), d.explanation());
        List<ClassRecord> history = new ArrayList<>(classHistory);
        history.add(record);
        List<DomainEvent> events = new ArrayList<>();
        long sequence = version + 1;
        events.add(new HouseholdAssessed(id, sequence, d.assessmentId(), unitCode, d.standard(), d.referenceDate(),
                d.areaType(), d.monthlyIncomePerCapitaVnd(), d.deprivedIndicators(), to, d.roundId(),
                d.decisionNumber(), d.decisionDate()));
        if (record.changed()) {
            sequence++;
            events.add(new HouseholdReclassified(id, sequence, unitCode, from, to, transition, d.standard(),
                    d.decisionNumber(), d.decisionDate(), d.effectiveDate(),
                    transition == Transition.ESCAPED_POVERTY || transition == Transition.ESCAPED_NEAR_POVERTY
                            ? escapedUntil : null));
        }
        Household after = new Household(id, unitCode, village, members, registeredAt, sequence, status, to,
                history, escapedUntil, unitSince);
        return new Change(after, events, new HistoryEntry(sequence, record.changed() ? "RECLASSIFIED" : "ASSESSED",
                d.effectiveDate(), now, "Quyết định " + d.decisionNumber() + ": " + (from == null ? "" : from + " → ")
                        + to + (record.changed() ? " (" + transition + ")" : " (không đổi)")));
    }

    /** How the reports name a change of class (standard-and-benefits.md §3.6). */
    Transition transition(HouseholdClass from, HouseholdClass to) {
        if (from == null) {
            return Transition.INITIAL;
        }
        if (from == to) {
            return Transition.OTHER;
        }
        if (from == HouseholdClass.POOR) {
            return Transition.ESCAPED_POVERTY;
        }
        if (to == HouseholdClass.POOR) {
            if (from == HouseholdClass.NEAR_POOR) {
                return Transition.NEAR_POOR_TO_POOR;
            }
            boolean wasPoorBefore = classHistory.stream().anyMatch(r -> r.toClass() == HouseholdClass.POOR);
            return wasPoorBefore ? Transition.RELAPSED : Transition.NEWLY_POOR;
        }
        if (from == HouseholdClass.NEAR_POOR && (to == HouseholdClass.MIDDLE || to == HouseholdClass.ABOVE)) {
            return Transition.ESCAPED_NEAR_POVERTY;
        }
        return Transition.OTHER;
    }

    private Change removed(String reason, LocalDate on, Instant now, String details) {
        requireActive();
        List<Member> left = members.stream().map(m -> m.active() ? m.leaving(on, reason) : m).toList();
        Household after = new Household(id, unitCode, village, left, registeredAt, version + 1,
                HouseholdStatus.REMOVED, currentClass, classHistory, newlyEscapedUntil, unitSince);
        return new Change(after, List.of(new HouseholdRemoved(id, after.version(), reason, on)),
                new HistoryEntry(after.version(), reason.startsWith("MERGED_INTO") ? "MERGED_INTO" : "REMOVED", on,
                        now, details));
    }

    private Change updated(String change, Household after, LocalDate on, Instant now, String details) {
        requireOneHead(after.activeMembers());
        HouseholdUpdated event = new HouseholdUpdated(id, after.version(), change, unitCode, after.village(), on,
                after.memberFacts());
        return new Change(after, List.of(event), new HistoryEntry(after.version(), change, on, now, details));
    }

    private Household with(List<Member> changed) {
        return new Household(id, unitCode, village, changed, registeredAt, version + 1, status, currentClass,
                classHistory, newlyEscapedUntil, unitSince);
    }

    private List<vn.giamngheo.contracts.household.MemberFact> memberFacts() {
        return activeMembers().stream().map(Member::fact).toList();
    }

    private Member requireActiveMember(String personId) {
        requireActive();
        return activeMember(personId).orElseThrow(() -> new RegistryRuleException("personId",
                personId + " is not an active member of household " + id));
    }

    private void requireActive() {
        if (status != HouseholdStatus.ACTIVE) {
            throw new RegistryRuleException("householdId", "household " + id + " is no longer in the registry");
        }
    }

    private List<Member> replace(Member old, Member changed) {
        List<Member> result = new ArrayList<>(members);
        result.set(result.indexOf(old), changed);
        return result;
    }

    private static List<Member> plus(List<Member> members, Member added) {
        List<Member> result = new ArrayList<>(members);
        result.add(added);
        return result;
    }

    private static void requireOneHead(List<Member> members) {
        long heads = members.stream().filter(m -> m.relationToHead() == Relation.HEAD).count();
        if (heads != 1) {
            throw new RegistryRuleException("members", "a household has exactly one head (HEAD), found " + heads);
        }
    }

    private static void requireDistinctPeople(List<Member> members) {
        Set<String> citizenIds = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            String citizenId = members.get(i).citizenId();
            if (citizenId != null && !citizenIds.add(citizenId)) {
                throw new RegistryRuleException("members[" + i + "].citizenId", "the same citizen id is listed twice");
            }
        }
    }
}
