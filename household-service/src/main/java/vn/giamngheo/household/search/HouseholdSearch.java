package vn.giamngheo.household.search;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.registry.ClassRecord;
import vn.giamngheo.household.registry.Household;
import vn.giamngheo.household.registry.HouseholdRegistry;
import vn.giamngheo.household.registry.HouseholdStatus;
import vn.giamngheo.household.registry.HouseholdWriteListener;
import vn.giamngheo.household.registry.Member;
import vn.giamngheo.household.registry.Relation;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.UnitCatalog;

/**
 * Find a household: the index kept in step with the registry, and the searches over it.
 * <p>
 * <b>In step with the store.</b> Every write of a household passes through the store, which tells this
 * {@link HouseholdWriteListener} the ids once the write succeeded; the households are then read again from the store
 * (by id, one query) and their documents replaced. Reading again rather than indexing what the command decided makes
 * concurrent writes of one household safe: updates are applied one at a time, and each indexes what the store holds by
 * then, so the last one indexes the latest version. The service's own events would do as well but carry no names (and
 * are published later, by the relay); the store's write is the single point every command, import and decision
 * passes.
 * <p>
 * <b>Failures.</b> An index update that fails never fails the command (its write is stored): the households are marked
 * dirty and indexed again from the store every {@code repair-interval}. A crash between the store's write and the
 * index's commit is found at the next start: the index is compared with the store (number of households and the sum
 * of their versions, which every write raises) and rebuilt when they differ or the index is missing.
 */
@Service
class HouseholdSearch implements HouseholdWriteListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HouseholdSearch.class);
    private static final int BATCH = 1000;

    private final HouseholdIndex index;
    private final HouseholdRegistry registry;
    private final UnitCatalog units;
    private final Clock clock;
    private final SearchProperties properties;

    /** Index writes one at a time, each from the store's state at that moment. */
    private final ReentrantLock writes = new ReentrantLock();
    private final Object rebuilds = new Object();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    /** While a rebuild runs: the households written meanwhile, indexed again once it is done. */
    private Set<String> writtenDuringRebuild;
    private final AtomicLong rebuiltSoFar = new AtomicLong();
    private final AtomicBoolean uncommitted = new AtomicBoolean();
    private volatile boolean running;
    private ScheduledExecutorService background;
    private volatile CoverageByDay coverage;

    HouseholdSearch(HouseholdIndex index, HouseholdRegistry registry, UnitCatalog units, Clock clock,
            SearchProperties properties) {
        this.index = index;
        this.registry = registry;
        this.units = units;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * A search as a caller asks it.
     *
     * @param callerUnits   the units the caller acts for; null for a caller who acts for all
     * @param identity      whether the caller may find households by a person's name or citizen id
     */
    public record Request(String text, Set<String> callerUnits, boolean identity, String unitCode,
            HouseholdClass householdClass, HouseholdStatus status, int page, int size) {
    }

    public HouseholdIndex.Result search(Request r) {
        if (isRebuilding()) {
            throw new SearchIndexRebuildingException(rebuiltSoFar.get());
        }
        LocalDate today = LocalDate.now(clock);
        Set<String> areaKeys = r.callerUnits() == null ? null : unitKeysCoveredBy(r.callerUnits(), today);
        Set<String> unitKeys = r.unitCode() == null ? null : unitKeysCoveredBy(Set.of(r.unitCode()), today);
        return index.search(new HouseholdIndex.Search(r.text(), r.identity(), areaKeys, r.unitCode(), unitKeys, r.householdClass(),
                r.status(), today, r.page(), r.size()));
    }

    // ---- keeping the index in step ----

    @Override
    public void written(Collection<String> householdIds) {
        writes.lock();
        try {
            if (writtenDuringRebuild != null) {
                writtenDuringRebuild.addAll(householdIds);
                return;
            }
        } finally {
            writes.unlock();
        }
        reindex(householdIds);
    }

    /** Indexes these households as the store holds them now; on failure they are dirty and retried later. */
    private void reindex(Collection<String> ids) {
        writes.lock();
        try {
            for (List<String> batch : batches(List.copyOf(ids))) {
                Map<String, Household> found = registry.findAll(batch);
                index.put(found.values().stream().map(this::entry).toList());
                List<String> gone = batch.stream().filter(id -> !found.containsKey(id)).toList();
                if (!gone.isEmpty()) {
                    index.remove(gone);
                }
            }
            index.refresh();
            uncommitted.set(true);
        } catch (RuntimeException e) {
            dirty.addAll(ids);
            log.warn("Indexing {} households failed; they are indexed again from the store within {}", ids.size(),
                    properties.repairInterval(), e);
        } finally {
            writes.unlock();
        }
    }

    /**
     * Indexes every household of the store again, from an empty index; searches answer 503 meanwhile, and households
     * written during the rebuild are indexed again at its end.
     *
     * @return the number of households indexed
     */
    public long rebuild() {
        synchronized (rebuilds) {
            writes.lock();
            try {
                writtenDuringRebuild = ConcurrentHashMap.newKeySet();
                rebuiltSoFar.set(0);
                index.clear();
            } finally {
                writes.unlock();
            }
            Set<String> written;
            try {
                List<HouseholdIndex.Entry> batch = new ArrayList<>(BATCH);
                registry.forEachHousehold(h -> {
                    batch.add(entry(h));
                    if (batch.size() == BATCH) {
                        index.add(batch);
                        rebuiltSoFar.addAndGet(batch.size());
                        batch.clear();
                    }
                });
                index.add(batch);
                rebuiltSoFar.addAndGet(batch.size());
            } finally {
                writes.lock();
                try {
                    written = writtenDuringRebuild;
                    writtenDuringRebuild = null;
                } finally {
                    writes.unlock();
                }
            }
            if (!written.isEmpty()) {
                reindex(written);
            }
            dirty.clear();
            index.commit();
            index.refresh();
            uncommitted.set(false);
            long count = index.fingerprint().households();
            log.info("Search index rebuilt from the store: {} households", count);
            return count;
        }
    }

    boolean isRebuilding() {
        writes.lock();
        try {
            return writtenDuringRebuild != null;
        } finally {
            writes.unlock();
        }
    }

    /** Households whose update failed, indexed again; and what was written since the last commit made durable. */
    void repair() {
        if (index.isBroken() && !isRebuilding()) {
            log.warn("The search index writer was closed by a failure; opening it again and rebuilding from the store");
            index.reopen();
            rebuild();
            return;
        }
        if (!dirty.isEmpty() && !isRebuilding()) {
            Set<String> retry = new HashSet<>(dirty);
            dirty.removeAll(retry);
            reindex(retry);
        }
        if (uncommitted.getAndSet(false)) {
            try {
                index.commit();
            } catch (RuntimeException e) {
                uncommitted.set(true);
                log.warn("Committing the search index failed; retried within {}", properties.repairInterval(), e);
            }
        }
    }

    /** Whether the index holds what the store holds: as many households, and the same sum of versions. */
    boolean matchesStore() {
        HouseholdRegistry.StoreFingerprint store = registry.fingerprint();
        HouseholdIndex.Fingerprint indexed = index.fingerprint();
        boolean same = store.households() == indexed.households() && store.versionSum() == indexed.versionSum();
        if (!same) {
            log.info("The search index ({} households, versions summing to {}) does not match the store ({}, {}): "
                    + "rebuilding it", indexed.households(), indexed.versionSum(), store.households(),
                    store.versionSum());
        }
        return same;
    }

    int dirtyCount() {
        return dirty.size();
    }

    // ---- what is indexed ----

    HouseholdIndex.Entry entry(Household h) {
        List<Member> active = h.activeMembers();
        List<Member> named = h.status() == HouseholdStatus.ACTIVE ? active : membersWhenItLeft(h);
        String head = named.stream().filter(m -> m.relationToHead() == Relation.HEAD).map(Member::fullName)
                .findFirst().orElse(null);
        // A person is active in one household at most: a household that left the registry no longer answers to their
        // citizen id (they may be registered elsewhere since).
        List<String> citizenIds = h.status() != HouseholdStatus.ACTIVE ? List.of()
                : active.stream().map(Member::citizenId).filter(id -> id != null).toList();
        ClassRecord latest = h.classHistory().isEmpty() ? null : h.classHistory().getLast();
        String unitKey = HouseholdIndex.unitKey(h.unitCode(), units.find(h.unitCode(), h.unitSince())
                .map(AdministrativeUnit::validFrom).orElse(null));
        return new HouseholdIndex.Entry(h.id(), h.unitCode(), unitKey, h.village(), head,
                named.stream().map(Member::fullName).toList(), citizenIds, h.status(),
                latest == null ? null : latest.toClass(), latest == null ? null : latest.effectiveDate(),
                h.classBeforeLatest(), active.size(), h.version());
    }

    /**
     * A household that left the registry is still found by the names it had then (with {@code status=REMOVED}): the
     * members who left with its head, on the same day and for the same reason.
     */
    private static List<Member> membersWhenItLeft(Household h) {
        Member head = h.members().stream().filter(m -> m.relationToHead() == Relation.HEAD && !m.active())
                .reduce((a, b) -> b.leftOn().isBefore(a.leftOn()) ? a : b).orElse(null);
        if (head == null) {
            return List.of();
        }
        return h.members().stream().filter(m -> !m.active() && head.leftOn().equals(m.leftOn())
                && java.util.Objects.equals(head.leftReason(), m.leftReason())).toList();
    }

    // ---- which households a caller's units cover ----

    /**
     * The unit versions whose households lie today in one of {@code unitCodes}: the same reading of a household's
     * unit as every access check ({@link UnitCatalog#coverage}: a household of Liên Bảo 08710 recorded in 2024 is
     * Phường Vĩnh Phúc 08716's; one of a unit later split belongs to no successor until its own is recorded).
     */
    Set<String> unitKeysCoveredBy(Set<String> unitCodes, LocalDate today) {
        CoverageByDay byDay = coverage;
        if (byDay == null || !byDay.day().equals(today)) {
            byDay = new CoverageByDay(today, unitKeysByCoveringUnit(units, today));
            coverage = byDay;
        }
        Set<String> covered = new HashSet<>();
        for (String code : unitCodes) {
            covered.addAll(byDay.keys().getOrDefault(code, Set.of()));
        }
        return covered;
    }

    /** For each unit in force on {@code day}, the unit versions whose households it covers that day. */
    static Map<String, Set<String>> unitKeysByCoveringUnit(UnitCatalog units, LocalDate day) {
        Map<String, Set<String>> keys = new HashMap<>();
        for (AdministrativeUnit version : units.all()) {
            units.coverage(version.code(), version.validFrom(), day).covering().ifPresent(code ->
                    keys.computeIfAbsent(code, c -> new HashSet<>())
                            .add(HouseholdIndex.unitKey(version.code(), version.validFrom())));
        }
        return keys;
    }

    private record CoverageByDay(LocalDate day, Map<String, Set<String>> keys) {
    }

    private static List<List<String>> batches(List<String> ids) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        return batches;
    }

    // ---- lifecycle: the check at start, the repairs in the background ----

    @Override
    public void start() {
        background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "household-search-index");
            t.setDaemon(true);
            return t;
        });
        running = true;
        if (!matchesStore()) {
            if (registry.fingerprint().households() <= properties.synchronousRebuildUpTo()) {
                rebuild();
            } else {
                background.execute(this::rebuild);
            }
        }
        long every = properties.repairInterval().toMillis();
        background.scheduleWithFixedDelay(() -> {
            try {
                repair();
            } catch (RuntimeException e) {
                log.warn("Repairing the search index failed", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        background.shutdown();
        try {
            background.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!isRebuilding()) {
            index.commit();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server takes requests (and stopped after it): searches find the index checked. */
    @Override
    public int getPhase() {
        return 0;
    }
}
