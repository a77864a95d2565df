package vn.giamngheo.household.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.security.AreaAccess;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.Coverage;
import vn.giamngheo.platform.units.UnitCatalog;

/**
 * Registry commands: check, change each household in one document (state + history + its events, see HouseholdStore).
 * Commands that touch two households write them in an order that a retry can complete, and each step is guarded by
 * the household's version.
 */
@Service
public class HouseholdRegistry {

    private static final int DECISION_BATCH = 500;
    /** A household changed by someone else while it was decided is read and decided again, this often in all. */
    private static final int DECISION_ATTEMPTS = 3;

    /** A member as given by the caller, before the registry assigns an id. */
    public record NewMember(String fullName, LocalDate dateOfBirth, Sex sex, String citizenId, Relation relationToHead,
            Member.Sensitive sensitive) {

        public NewMember(String fullName, LocalDate dateOfBirth, Sex sex, String citizenId, Relation relationToHead) {
            this(fullName, dateOfBirth, sex, citizenId, relationToHead, null);
        }
    }

    /** A correction of a member's identity data on the person's request; null fields stay as they are. */
    public record Correction(String fullName, LocalDate dateOfBirth, Sex sex, String citizenId,
            Member.Sensitive sensitive, String reason) {
    }

    private final HouseholdStore store;
    private final CitizenIdClaims claims;
    private final CitizenIdRules citizenIds;
    private final UnitCatalog units;
    private final Clock clock;
    private final AreaAccess access;

    HouseholdRegistry(HouseholdStore store, CitizenIdClaims claims, CitizenIdRules citizenIds, UnitCatalog units,
            AreaAccess access, Clock clock) {
        this.store = store;
        this.access = access;
        this.claims = claims;
        this.citizenIds = citizenIds;
        this.units = units;
        this.clock = clock;
    }

    public Household register(String unitCode, String village, List<NewMember> members) {
        return register(unitCode, village, members, null);
    }

    /** A household to register: its unit, village, members and (optionally) the day it entered the registry. */
    public record NewHousehold(String unitCode, String village, List<NewMember> members, LocalDate registeredOn) {
    }

    /** What importing one household did: its id, or why it was not registered (the field and the reason). */
    public record Imported(String id, RegistryRuleException problem) {
    }

    /**
     * @param registeredOn the day the household entered the registry, for households taken over from an earlier
     *                     register (e.g. as of 2022); today when null. The unit must be in force on that day.
     */
    public Household register(String unitCode, String village, List<NewMember> members, LocalDate registeredOn) {
        Household.Change registration = prepare(new NewHousehold(unitCode, village, members, registeredOn));
        String id = registration.household().id();
        // A failed insert keeps its claims: a write that timed out may still have been applied, and releasing would
        // let the same person be registered again; if it was not applied the claims name no household, so they are
        // stale and the next registration of these people takes them over (CitizenIdClaims).
        store.insert(registration);
        return registration.household();
    }

    /**
     * Registers many households (a ward's list taken over from an earlier register), each on its own: the same rules
     * as {@link #register}, but the valid ones are written in one bulk insert. A household that breaks a rule (a unit
     * not in force, a citizen id already registered) is reported and the others are registered.
     */
    public List<Imported> registerAll(List<NewHousehold> households) {
        List<Imported> results = new ArrayList<>();
        List<Household.Change> valid = new ArrayList<>();
        for (NewHousehold household : households) {
            try {
                Household.Change registration = prepare(household);
                valid.add(registration);
                results.add(new Imported(registration.household().id(), null));
            } catch (RegistryRuleException e) {
                results.add(new Imported(null, e));
            }
        }
        // A bulk insert failing part-way leaves the households written before it: every claim is kept (those of the
        // households not written are stale and taken over by their next registration), as in writeAll.
        store.insertAll(valid);
        return results;
    }

    private Household.Change prepare(NewHousehold household) {
        return prepare(household, UUID.randomUUID().toString(), Map.of());
    }

    /**
     * Checks a new household and claims its members' citizen ids; nothing else is written yet.
     *
     * @param claimedNow citizen ids already claimed for their household by this command (citizen id → household id)
     */
    private Household.Change prepare(NewHousehold household, String id, Map<String, String> claimedNow) {
        LocalDate today = household.registeredOn() == null ? LocalDate.now(clock) : household.registeredOn();
        if (today.isAfter(LocalDate.now(clock))) {
            throw new RegistryRuleException("registeredOn", "cannot be in the future");
        }
        String unitCode = household.unitCode();
        AdministrativeUnit unit = units.find(unitCode, today).orElseThrow(() -> new RegistryRuleException("unitCode",
                "no administrative unit with code " + unitCode + " is in force on " + today));
        if (!unit.type().isCommuneLevel()) {
            throw new RegistryRuleException("unitCode", unitCode + " (" + unit.name()
                    + ") is not a commune-level unit (xã, phường, thị trấn, đặc khu)");
        }
        List<Member> newMembers = new ArrayList<>();
        for (int i = 0; i < household.members().size(); i++) {
            newMembers.add(newMember(household.members().get(i), "members[" + i + "]", today));
        }
        Household.Change registration = Household.register(id, unitCode, household.village().strip(), newMembers,
                now(), today);
        claimAll(newMembers, registration.household().id(), "members", claimedNow);
        return registration;
    }

    /** A new household under the id its importer chose for it (see {@link HouseholdImport}). */
    record Planned(String id, NewHousehold household) {
    }

    /**
     * Households checked as {@link #register} checks them, their citizen ids claimed under their planned ids, nothing
     * written: {@link #writeAll} them, or {@link #releaseAll} them when the import is abandoned.
     *
     * @param problems by index in the plan: the first rule each household breaks
     */
    record Prepared(List<Household.Change> registrations, Map<Integer, RegistryRuleException> problems) {
    }

    /** Checks every planned household (all of them, whatever the first one's problem) and claims their citizen ids. */
    Prepared prepareAll(List<Planned> households) {
        List<Household.Change> valid = new ArrayList<>();
        Map<Integer, RegistryRuleException> problems = new TreeMap<>();
        // Every citizen id nobody holds yet is claimed in one bulk insert; only the others are claimed one by one.
        Map<String, String> wanted = new HashMap<>();
        households.forEach(p -> p.household().members().stream().map(NewMember::citizenId).filter(Objects::nonNull)
                .forEach(citizenId -> wanted.putIfAbsent(citizenId, p.id())));
        Map<String, String> claimedNow = new HashMap<>();
        claims.claimFree(wanted).forEach(citizenId -> claimedNow.put(citizenId, wanted.get(citizenId)));
        for (int i = 0; i < households.size(); i++) {
            Planned planned = households.get(i);
            try {
                valid.add(prepare(planned.household(), planned.id(), claimedNow));
            } catch (RegistryRuleException e) {
                problems.put(i, e);
                planned.household().members().stream().map(NewMember::citizenId)
                        .filter(citizenId -> planned.id().equals(claimedNow.get(citizenId)))
                        .forEach(citizenId -> claims.release(citizenId, planned.id()));
            }
        }
        return new Prepared(valid, problems);
    }

    /** Gives back the citizen ids an abandoned {@link #prepareAll} claimed. */
    void releaseAll(Prepared prepared) {
        prepared.registrations().forEach(c -> c.household().members().forEach(m -> release(m, c.household().id())));
    }

    /**
     * Writes prepared households in one bulk insert, each with its registration event in its outbox, and wakes the
     * relay. A failure part-way leaves the households written before it (complete, their events published) and keeps
     * every claim: the claims of the households not written name ids that do not exist, so they are stale and anyone
     * may take them over, while a repeat of the same plan takes them back.
     */
    List<Household> writeAll(Prepared prepared) {
        if (!prepared.problems().isEmpty()) {
            throw new IllegalStateException("a plan with problems is not written");
        }
        List<Household.Change> valid = prepared.registrations();
        store.insertAll(valid);
        return valid.stream().map(Household.Change::household).toList();
    }

    /** The households among {@code ids} that are stored (one query). */
    public Map<String, Household> findAll(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : store.findAll(ids);
    }

    /** Which unit covers the household today: its own, its successor's, or none yet where its unit was split. */
    public Coverage coverage(Household household) {
        return units.coverage(household.unitCode(), household.unitSince(), LocalDate.now(clock));
    }

    /**
     * Records which successor covers a household whose unit was split (the sources do not say which villages went
     * where, so the commune says it for each household): from the successor's first day the household is in that
     * unit, and household.updated (SUCCESSOR_UNIT_RECORDED) tells the other services.
     */
    public Household recordSuccessor(String householdId, String successorCode, String newVillage) {
        Household household = require(householdId);
        if (!(coverage(household) instanceof Coverage.Split split)) {
            throw new RegistryRuleException.Conflict("unitCode", "household " + householdId + " is recorded in "
                    + household.unitCode() + " since " + household.unitSince() + ", which was not split: "
                    + coverage(household).covering().map(c -> "it lies in " + c + " today")
                            .orElse("it lies in no unit known today"));
        }
        AdministrativeUnit successor = split.successors().stream().filter(u -> u.code().equals(successorCode))
                .findFirst().orElseThrow(() -> new RegistryRuleException("unitCode", "must be one of "
                        + split.choices() + ", the units " + split.predecessor().name() + " was split between; was "
                        + successorCode));
        return apply(household.recordSuccessor(successor.code(), successor.name(), successor.validFrom(),
                newVillage == null ? null : newVillage.strip(), split.predecessor().name() + " ("
                        + split.predecessor().code() + ")", LocalDate.now(clock), now()));
    }

    public Household addMember(String householdId, NewMember member, LocalDate on) {
        Household household = require(householdId);
        LocalDate date = on == null ? LocalDate.now(clock) : on;
        Member added = newMember(member, "member", date);
        Household.Change change = household.addMember(added, date, now());
        claimAll(List.of(added), householdId, "member");
        try {
            return apply(change);
        } catch (RuntimeException e) {
            release(added, householdId);
            throw e;
        }
    }

    public Household removeMember(String householdId, String personId, String reason, LocalDate on) {
        Household household = require(householdId);
        Member member = household.activeMember(personId).orElse(null);
        Household after = apply(household.removeMember(personId, reason, date(on), now()));
        if (member != null) {
            release(member, householdId);
        }
        return after;
    }

    /**
     * Corrects an active member's name, date of birth, sex, citizen id or sensitive data on the person's request
     * (Decree 13/2023 Art. 9): a new version with the old values kept in the history, and household.updated
     * (MEMBER_CORRECTED) so that the other services see a corrected date of birth. A new citizen id is checked and
     * claimed before the change; the old one is released after it.
     */
    public Household correctMember(String householdId, String personId, Correction c, LocalDate on) {
        Household household = require(householdId);
        Member member = household.activeMember(personId).orElseThrow(() -> new RegistryRuleException("personId",
                personId + " is not an active member of household " + householdId));
        if (c.reason() == null || c.reason().isBlank()) {
            throw new RegistryRuleException("reason", "say why (the person's request, the document that shows it)");
        }
        Member corrected = member.corrected(c.fullName() == null ? member.fullName() : c.fullName().strip(),
                c.dateOfBirth() == null ? member.dateOfBirth() : c.dateOfBirth(),
                c.sex() == null ? member.sex() : c.sex(),
                c.citizenId() == null ? member.citizenId() : c.citizenId(),
                c.sensitive() == null ? member.sensitive() : c.sensitive());
        LocalDate date = date(on);
        checkBirth("dateOfBirth", corrected.dateOfBirth(), date);
        if (corrected.citizenId() != null) {
            citizenIds.problem(corrected.citizenId(), corrected.sex(), corrected.dateOfBirth()).ifPresent(problem -> {
                throw new RegistryRuleException("citizenId", problem);
            });
        }
        boolean newId = corrected.citizenId() != null && !corrected.citizenId().equals(member.citizenId());
        if (newId) {
            try {
                claims.claim(corrected.citizenId(), householdId, store::find);
            } catch (CitizenIdClaims.AlreadyActiveException e) {
                throw new RegistryRuleException.Conflict("citizenId", alreadyActive(e));
            }
        }
        Household after = apply(household.correctMember(member, corrected, c.reason().strip(), date, now()));
        if (newId && member.citizenId() != null) {
            claims.release(member.citizenId(), householdId);
        }
        return after;
    }

    public Household changeHead(String householdId, String newHeadId, Relation previousHeadRelation, LocalDate on) {
        return apply(require(householdId).changeHead(newHeadId, previousHeadRelation, date(on), now()));
    }

    /**
     * Moves a person to another household: claim to the target, join the target, leave the origin. A retry after a
     * failure in between completes the move; the person is never in no household.
     */
    public Household moveMember(String fromId, String personId, String toId, Relation relation, LocalDate on) {
        if (fromId.equals(toId)) {
            throw new RegistryRuleException("toHouseholdId", "the person is already in this household");
        }
        Household from = require(fromId);
        Household to = require(toId);
        LocalDate date = date(on);
        Member member = from.activeMember(personId).orElseThrow(() -> new RegistryRuleException("personId",
                personId + " is not an active member of household " + fromId));
        if (member.relationToHead() == Relation.HEAD) {
            throw new RegistryRuleException("personId", member.fullName() + " is the head of household: change the "
                    + "head first");
        }
        if (member.citizenId() != null) {
            claims.transfer(member.citizenId(), fromId, toId, store::find);
        }
        if (to.activeMember(personId).isEmpty()) {
            apply(to.moveIn(member, relation, fromId, date, now()));
        }
        return apply(require(fromId).moveOut(personId, toId, date, now()));
    }

    /** Members leave to found a new household in the same unit (tách hộ); returns the new household. */
    public Household split(String householdId, Set<String> personIds, String newHeadId,
            Map<String, Relation> relations, String newVillage, LocalDate on) {
        Household origin = require(householdId);
        Household.Split split = origin.split(new LinkedHashSet<>(personIds), newHeadId, relations,
                UUID.randomUUID().toString(), newVillage, date(on), now());
        Household founded = split.founded().household();
        for (Member m : founded.activeMembers()) {
            if (m.citizenId() != null) {
                claims.transfer(m.citizenId(), householdId, founded.id(), store::find);
            }
        }
        store.insert(split.founded());
        try {
            apply(split.origin());
        } catch (RuntimeException e) {
            // The origin changed meanwhile: withdraw the new household (its registration may already be published,
            // so it is removed with an event rather than deleted) and give the citizen ids back.
            apply(founded.moveAway("REGISTERED_IN_ERROR", date(on), now()));
            for (Member m : founded.activeMembers()) {
                if (m.citizenId() != null) {
                    claims.transfer(m.citizenId(), founded.id(), householdId, store::find);
                }
            }
            throw e;
        }
        return founded;
    }

    /** Another household joins this one (nhập hộ); the absorbed household leaves the registry. */
    public Household merge(String householdId, String absorbedId, Map<String, Relation> relations, LocalDate on) {
        Household target = require(householdId);
        Household absorbed = require(absorbedId);
        LocalDate date = date(on);
        Household.Change joined = target.absorb(absorbed, relations, date, now());
        for (Member m : absorbed.activeMembers()) {
            if (m.citizenId() != null) {
                claims.transfer(m.citizenId(), absorbedId, householdId, store::find);
            }
        }
        Household after = apply(joined);
        apply(absorbed.mergedInto(householdId, date, now()));
        return after;
    }

    /** The household leaves the registry (moved away, dissolved); its members' citizen ids are free again. */
    public Household moveAway(String householdId, String reason, LocalDate on) {
        Household household = require(householdId);
        Household after = apply(household.moveAway(reason, date(on), now()));
        household.activeMembers().forEach(m -> release(m, householdId));
        return after;
    }

    /**
     * Applies a review decision to one household, once: a household already decided in that round is left as it is,
     * so a decision interrupted half-way can simply be applied again. Retries when a concurrent command won the race.
     *
     * @return the household after the decision
     */
    public Household applyDecision(String householdId, Decision decision) {
        for (int attempt = 1; ; attempt++) {
            Household household = require(householdId);
            if (household.decidedIn(decision.roundId())) {
                return household;
            }
            try {
                return apply(household.decide(decision, now()));
            } catch (HouseholdStore.ConcurrentChangeException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * A review decision for many households (a ward's annual review holds thousands): read and written 500 at a time,
     * each household once per round as {@link #applyDecision} does; the households changed by someone else meanwhile
     * are read and decided again (only they).
     */
    public void applyDecisions(Map<String, Decision> decisions) {
        List<String> ids = List.copyOf(decisions.keySet());
        for (int from = 0; from < ids.size(); from += DECISION_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + DECISION_BATCH));
            Set<String> conflicted = store.decideAll(batch, (id, household) -> {
                if (household == null) {
                    throw new RegistryRuleException.NotFound("Household " + id);
                }
                Decision decision = decisions.get(id);
                return household.decidedIn(decision.roundId()) ? Optional.empty()
                        : Optional.of(household.decide(decision, now()));
            }, DECISION_ATTEMPTS);
            if (!conflicted.isEmpty()) {
                throw new HouseholdStore.ConcurrentChangeException(conflicted.iterator().next());
            }
        }
    }

    /** Every household still in the registry; reads only. */
    public void forEachActive(java.util.function.Consumer<Household> action) {
        store.forEachActive(action);
    }

    /**
     * The active households recorded under one of {@code unitCodes} (with {@code everIn}: only those some decision put
     * in one of these classes); reads only.
     */
    public void forEachActiveIn(Collection<String> unitCodes, Set<HouseholdClass> everIn,
            java.util.function.Consumer<Household> action) {
        if (!unitCodes.isEmpty()) {
            store.forEachActiveIn(unitCodes, everIn, action);
        }
    }

    /** The active household in which the person with {@code citizenId} is an active member, if any (at most one). */
    public Optional<Household> activeHouseholdOf(String citizenId) {
        return claims.holder(citizenId).flatMap(store::find)
                .filter(h -> h.status() == HouseholdStatus.ACTIVE
                        && h.activeMembers().stream().anyMatch(m -> citizenId.equals(m.citizenId())));
    }

    public Optional<Household> find(String id) {
        return store.find(id);
    }

    /** Every household whatever its status, one at a time; reads only (rebuilding what is derived from the store). */
    public void forEachHousehold(java.util.function.Consumer<Household> action) {
        store.forEach(action);
    }

    /** How many households the store holds and the sum of their versions, which every write changes. */
    public StoreFingerprint fingerprint() {
        return store.fingerprint();
    }

    /** @param versionSum the sum of every household's version: a write anywhere raises it */
    public record StoreFingerprint(long households, long versionSum) {
    }

    public List<Household.HistoryEntry> history(String id) {
        require(id);
        return store.history(id);
    }

    HouseholdStore.Page list(String unitCode, String village, HouseholdClass householdClass, HouseholdStatus status,
            int page, int size) {
        return store.list(unitCode, village, householdClass, LocalDate.now(clock), status, page, size);
    }

    private Household apply(Household.Change change) {
        store.apply(change);
        return change.household();
    }

    private Household require(String id) {
        return store.find(id).orElseThrow(() -> new RegistryRuleException.NotFound("Household " + id));
    }

    private Member newMember(NewMember m, String field, LocalDate today) {
        checkBirth(field + ".dateOfBirth", m.dateOfBirth(), today);
        if (m.citizenId() != null) {
            citizenIds.problem(m.citizenId(), m.sex(), m.dateOfBirth()).ifPresent(problem -> {
                throw new RegistryRuleException(field + ".citizenId", problem);
            });
        }
        return Member.joining(UUID.randomUUID().toString(), m.fullName().strip(), m.dateOfBirth(), m.sex(),
                m.citizenId(), m.relationToHead(), today, m.sensitive());
    }

    /** No one is older than this on the day they are recorded: an earlier date is a typing mistake (1800-01-01). */
    static final int MAX_AGE_YEARS = 120;

    private static void checkBirth(String field, LocalDate born, LocalDate on) {
        if (born.isAfter(on)) {
            throw new RegistryRuleException(field, "is in the future");
        }
        if (born.isBefore(on.minusYears(MAX_AGE_YEARS))) {
            throw new RegistryRuleException(field, "is more than " + MAX_AGE_YEARS + " years before " + on
                    + "; was " + born);
        }
    }

    private void claimAll(List<Member> members, String householdId, String field) {
        claimAll(members, householdId, field, Map.of());
    }

    private void claimAll(List<Member> members, String householdId, String field, Map<String, String> claimedNow) {
        List<Member> claimed = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (m.citizenId() == null) {
                continue;
            }
            try {
                if (!householdId.equals(claimedNow.get(m.citizenId()))) {
                    claims.claim(m.citizenId(), householdId, store::find);
                }
                claimed.add(m);
            } catch (CitizenIdClaims.AlreadyActiveException e) {
                claimed.forEach(c -> release(c, householdId));
                String where = members.size() == 1 && field.equals("member") ? "member.citizenId"
                        : field + "[" + i + "].citizenId";
                throw new RegistryRuleException.Conflict(where, alreadyActive(e));
            }
        }
    }

    /**
     * Where the person is active is named only to a caller who acts for that household's unit: to anyone else a
     * citizen id would say where its holder lives.
     */
    private String alreadyActive(CitizenIdClaims.AlreadyActiveException e) {
        boolean visible = store.find(e.householdId()).map(h -> access.mayActFor(h.unitCode())).orElse(false);
        return visible ? "is already an active member of household " + e.householdId()
                : "is already an active member of a household outside your units; the Labour office can find it";
    }

    private void release(Member member, String householdId) {
        if (member.citizenId() != null) {
            claims.release(member.citizenId(), householdId);
        }
    }

    private LocalDate date(LocalDate on) {
        return on == null ? LocalDate.now(clock) : on;
    }

    /** Millisecond precision: what MongoDB stores is what the events say. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

}
