package vn.giamngheo.platform.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import vn.giamngheo.platform.dependencies.Unavailable;
import vn.giamngheo.platform.web.ProblemDetailsAdvice;

/**
 * Writes an audit entry for every signed-in write to the API and every signed-in read of a path the service declares
 * personal ({@link AuditedReads}), after the response, with its status. The household concerned is taken from the
 * path ({@code /households/{id}}), the {@code householdId} parameter or the JSON body's {@code householdId}.
 */
public class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Pattern HOUSEHOLD_IN_PATH = Pattern.compile("/households/([^/?]+)");
    private static final Pattern HOUSEHOLD_IN_BODY = Pattern.compile("\"householdId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RECORD_IN_PATH = Pattern.compile("/api/v1/[^/]+/([^/?]+)");
    private static final int BODY_LIMIT = 64 * 1024;

    private final AuditLog audit;
    private final List<String> personalReads;
    private final Clock clock;
    private final AntPathMatcher paths = new AntPathMatcher();

    public AuditFilter(AuditLog audit, AuditedReads reads, Clock clock) {
        this.audit = audit;
        this.personalReads = reads.patterns();
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken) || !audited(request)) {
            chain.doFilter(request, response);
            return;
        }
        // Only audited requests keep a copy of their body (to find the household a write is about).
        ContentCachingRequestWrapper cached = new ContentCachingRequestWrapper(request, BODY_LIMIT);
        try {
            chain.doFilter(cached, response);
        } finally {
            record(cached, response.getStatus(), response.getHeader("Location"), auth);
        }
    }

    private boolean audited(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI();
        return personalReads.stream().anyMatch(p -> paths.match(p, path));
    }

    /** Also used for requests refused before they reach the filter (a role that may not call the endpoint). */
    public void record(HttpServletRequest request, int status, Authentication auth) {
        record(request, status, null, auth);
    }

    private static final String HOUSEHOLDS = AuditFilter.class.getName() + ".households";

    /**
     * Names the households a request wrote when they are many (an import): the audit then has one entry for each, so
     * that asking about any of them finds the request.
     */
    public static void households(HttpServletRequest request, List<String> householdIds) {
        request.setAttribute(HOUSEHOLDS, List.copyOf(householdIds));
    }

    /**
     * The person's full name from the token's {@code name} claim (as {@code Tokens.name} reads it; not called, so that
     * the audit does not depend on the security package that installs it), or the subject for a machine client.
     */
    private static String name(Authentication auth) {
        Object name = auth instanceof JwtAuthenticationToken jwt ? jwt.getToken().getClaims().get("name") : null;
        return name instanceof String given && !given.isBlank() ? given.strip() : auth.getName();
    }

    /** @param location the response's Location: a registration names the household it created there */
    private void record(HttpServletRequest request, int status, String location, Authentication auth) {
        if (request.getAttribute(ProblemDetailsAdvice.UNAVAILABLE) instanceof Unavailable unavailable
                && Unavailable.MONGODB.equals(unavailable.dependency())) {
            // The entry would wait for the same database once more and hold the caller's 503 past its bound.
            log.error("AUDIT ENTRY NOT WRITTEN for {} {} ({}): {}", request.getMethod(), request.getRequestURI(), status,
                    unavailable.summary());
            return;
        }
        try {
            String path = request.getRequestURI();
            String householdId = request.getParameter("householdId");
            Matcher inPath = HOUSEHOLD_IN_PATH.matcher(path);
            Matcher created = HOUSEHOLD_IN_PATH.matcher(location == null ? "" : location);
            if (inPath.find()) {
                householdId = inPath.group(1);
            } else if (created.find()) {
                householdId = created.group(1);
            }
            if (householdId == null && request instanceof ContentCachingRequestWrapper cached) {
                Matcher inBody = HOUSEHOLD_IN_BODY.matcher(new String(cached.getContentAsByteArray(),
                        StandardCharsets.UTF_8));
                householdId = inBody.find() ? inBody.group(1) : null;
            }
            Matcher record = RECORD_IN_PATH.matcher(path);
            String forwarded = request.getHeader("X-Forwarded-For");
            @SuppressWarnings("unchecked")
            List<String> many = (List<String>) request.getAttribute(HOUSEHOLDS);
            audit.record(clock.instant(), auth.getName(), name(auth), auth.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                            .map(a -> a.substring("ROLE_".length())).toList(),
                    request.getMethod(), path + (request.getQueryString() == null ? "" : "?" + request.getQueryString()),
                    record.find() ? record.group(1) : null, many != null ? many : java.util.Collections.singletonList(
                            householdId),
                    forwarded != null ? forwarded.split(",")[0].strip() : request.getRemoteAddr(), status);
        } catch (RuntimeException e) {
            // An audit entry that cannot be written is an operational alarm, not a reason to fail the request.
            log.error("AUDIT ENTRY NOT WRITTEN for {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.toString());
        }
    }
}
