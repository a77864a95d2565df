package vn.giamngheo.notification.outside;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to a partner (BHXH, the SMS gateway) in flight: at most {@code limit} at once, each item once, none waited
 * for. A worker that sent a batch and waited for its slowest call was held by every timeout (about ten BHXH cards a
 * second once BHXH timed out now and then); here a slow call holds one place only.
 */
public final class Senders {

    private static final Logger log = LoggerFactory.getLogger(Senders.class);

    private final String what;
    private final int limit;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public Senders(String what, int limit) {
        this.what = what;
        this.limit = limit;
    }

    /** How many more calls may start now. */
    public int room() {
        return Math.max(0, limit - inFlight.size());
    }

    /** Whether this item is being sent now (a due-list read may still show it). */
    public boolean sending(String id) {
        return inFlight.contains(id);
    }

    /** Starts sending {@code id} on its own thread, unless it is already being sent. */
    public void start(String id, Runnable send) {
        if (!inFlight.add(id)) {
            return;
        }
        threads.submit(() -> {
            try {
                send.run();
            } catch (RuntimeException e) {
                log.error("Sending {} {} failed unexpectedly; it stays due", what, id, e);
            } finally {
                inFlight.remove(id);
            }
        });
    }
}
