package vn.giamngheo.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limiting of the public (anonymous) API: each client address may make {@code perMinute} calls a minute without
 * a bearer token (a token bucket that refills continuously); beyond that a 429 with {@code Retry-After}. Signed-in calls
 * are not limited here (they are accountable through the audit), nor are partners' signed callbacks (one partner
 * address sends them all; the endpoint checks the signature). Pages and health checks are not counted.
 */
public class PublicRateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_CLIENTS = 100_000;

    private final int perMinute;
    private final Set<String> signedCallbacks;
    private final Clock clock;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    public PublicRateLimitFilter(int perMinute, Collection<String> signedCallbacks, Clock clock) {
        this.perMinute = perMinute;
        this.signedCallbacks = Set.copyOf(signedCallbacks);
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || bearer(request)
                || signedCallbacks.contains(request.getRequestURI());
    }

    /**
     * A bearer token is either valid, and the caller accountable, or answered 401 by the resource server before
     * anything else runs. Any other Authorization header (Basic, garbage) is ignored by the resource server and the
     * call runs anonymously: it counts as anonymous here too.
     */
    private static boolean bearer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && authorization.length() > 7;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!take(request.getRemoteAddr())) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, 60 / perMinute)));
            Problems.write(response, 429, "Too Many Requests", "More than " + perMinute
                    + " calls a minute without signing in; wait a moment or sign in");
            return;
        }
        chain.doFilter(request, response);
    }

    /** One call from {@code client}, if its bucket has a token: {tokens, last refill in ms}. */
    boolean take(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        long now = clock.millis();
        double[] bucket = buckets.computeIfAbsent(client, c -> new double[] {perMinute, now});
        synchronized (bucket) {
            bucket[0] = Math.min(perMinute, bucket[0] + (now - bucket[1]) * perMinute / 60_000.0);
            bucket[1] = now;
            if (bucket[0] < 1) {
                return false;
            }
            bucket[0] -= 1;
            return true;
        }
    }
}
