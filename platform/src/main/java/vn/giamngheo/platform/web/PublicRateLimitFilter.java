package vn.giamngheo.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limiting of the API called without a bearer token: each client ({@link ClientKey}) may make {@code perMinute}
 * calls a minute (a token bucket that refills continuously); beyond that a 429 with {@code Retry-After}. Partners'
 * signed callbacks have a limit of their own, {@code partnerPerMinute}: one partner address sends them all. Calls with a
 * bearer token are not limited here: a valid one is accountable through the audit, any other is a 401 before anything
 * runs. Pages and health checks are not counted.
 */
public class PublicRateLimitFilter extends OncePerRequestFilter {

    /** Clients remembered; beyond, the one unseen longest is forgotten (not all: that would reset everyone's limit). */
    private static final int MAX_CLIENTS = 100_000;

    private final Limit anonymous;
    private final Limit partners;
    private final Set<String> signedCallbacks;

    public PublicRateLimitFilter(int perMinute, int partnerPerMinute, Collection<String> signedCallbacks, Clock clock) {
        this.anonymous = new Limit(perMinute, clock, "calls a minute without signing in; wait a moment or sign in");
        this.partners = new Limit(partnerPerMinute, clock, "signed callbacks a minute from one address");
        this.signedCallbacks = Set.copyOf(signedCallbacks);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || bearer(request);
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
        Limit limit = signedCallbacks.contains(request.getRequestURI()) ? partners : anonymous;
        if (!limit.take(ClientKey.of(request))) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, 60 / limit.perMinute)));
            Problems.write(response, 429, "Too Many Requests", "More than " + limit.perMinute + " " + limit.what);
            return;
        }
        chain.doFilter(request, response);
    }

    /** One call from {@code client} without a token, if its bucket has one left. */
    boolean take(String client) {
        return anonymous.take(client);
    }

    private static final class Limit {

        private final int perMinute;
        private final Clock clock;
        private final String what;
        /** {tokens, last refill in ms} per client, the least recently seen first. */
        private final Map<String, double[]> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > MAX_CLIENTS;
            }
        };

        Limit(int perMinute, Clock clock, String what) {
            this.perMinute = perMinute;
            this.clock = clock;
            this.what = what;
        }

        synchronized boolean take(String client) {
            long now = clock.millis();
            double[] bucket = buckets.computeIfAbsent(client, c -> new double[] {perMinute, now});
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
