package vn.giamngheo.auth.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Wrong passwords in a row, per login, and the logins they have locked. Kept in memory: a restart of the provider
 * forgets them, which an attacker cannot cause from outside. Logins nobody has are counted like the others, so that a
 * lock does not tell which logins exist; the map is bounded by forgetting counts whose lock has run out, and by
 * refusing to track more than {@link #MAX_TRACKED} logins at once (beyond that every unknown login fails anyway).
 */
final class SignInAttempts {

    static final int MAX_TRACKED = 10_000;

    private record Count(int failures, Instant lockedUntil) {
    }

    private final int maxFailures;
    private final Duration lock;
    private final Clock clock;
    private final ConcurrentMap<String, Count> counts = new ConcurrentHashMap<>();

    SignInAttempts(int maxFailures, Duration lock, Clock clock) {
        this.maxFailures = maxFailures;
        this.lock = lock;
        this.clock = clock;
    }

    boolean locked(String login) {
        Count count = counts.get(key(login));
        return count != null && count.lockedUntil() != null && clock.instant().isBefore(count.lockedUntil());
    }

    void failed(String login) {
        Instant now = clock.instant();
        if (counts.size() >= MAX_TRACKED) {
            counts.values().removeIf(c -> c.lockedUntil() != null && !now.isBefore(c.lockedUntil()));
        }
        if (counts.size() >= MAX_TRACKED && !counts.containsKey(key(login))) {
            return;
        }
        counts.compute(key(login), (k, count) -> {
            int failures = count == null || count.lockedUntil() != null && !now.isBefore(count.lockedUntil())
                    ? 1 : count.failures() + 1;
            return new Count(failures, failures >= maxFailures ? now.plus(lock) : null);
        });
    }

    void succeeded(String login) {
        counts.remove(key(login));
    }

    Duration lockDuration() {
        return lock;
    }

    private static String key(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }
}
