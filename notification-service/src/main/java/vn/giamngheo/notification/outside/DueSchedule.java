package vn.giamngheo.notification.outside;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * When this instance's stored work items (card requests to send or to ask about, messages to send) are next due,
 * kept in memory, so that a worker reads only the items it names, by id. Asking the store every few hundred
 * milliseconds for every item whose time has come reads the whole collection on mongo-java-server (its non-unique
 * indexes are ignored), and the collections grow with every household. Whoever writes an item that becomes due tells
 * the schedule; a sweep of the store every {@code sweepInterval} finds what the schedule was not told (an item
 * written by another instance, before a restart, or whose send failed unexpectedly). Thread-safe.
 */
public final class DueSchedule {

    private record Entry(Instant at, String id) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::at).thenComparing(Entry::id);

    private final Duration sweepInterval;
    private final TreeSet<Entry> byTime = new TreeSet<>(ORDER);
    private final Map<String, Instant> byId = new HashMap<>();
    private Instant nextSweep = Instant.MIN;

    public DueSchedule(Duration sweepInterval) {
        this.sweepInterval = sweepInterval;
    }

    /** The item is due at {@code at} (it replaces an earlier time for the same item). */
    public synchronized void at(String id, Instant at) {
        Instant before = byId.put(id, at);
        if (before != null) {
            byTime.remove(new Entry(before, id));
        }
        byTime.add(new Entry(at, id));
    }

    /** Takes out, earliest first, at most {@code limit} items due at {@code now} or before. */
    public synchronized List<String> take(Instant now, int limit) {
        List<String> due = new ArrayList<>();
        while (due.size() < limit && !byTime.isEmpty() && !byTime.first().at().isAfter(now)) {
            Entry first = byTime.pollFirst();
            byId.remove(first.id());
            due.add(first.id());
        }
        return due;
    }

    /** Whether the store should be swept now; true once per {@code sweepInterval}, and on the first call. */
    public synchronized boolean sweepDue(Instant now) {
        if (now.isBefore(nextSweep)) {
            return false;
        }
        nextSweep = now.plus(sweepInterval);
        return true;
    }

    public synchronized int size() {
        return byId.size();
    }
}
