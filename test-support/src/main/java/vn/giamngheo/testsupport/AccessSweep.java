package vn.giamngheo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint a service maps, called by every area-bound role for a household or unit inside the token's units and
 * for one outside them (issue 20). The test declares each endpoint once — what it touches and a valid request on each
 * side — and the sweep fails when a mapped endpoint is missing from the declaration, so a new endpoint cannot slip by.
 * <ul>
 * <li>Outside: a call about a household or unit is a 403 or a 404; an endpoint for those who act for every unit is a
 * 403 to every area-bound role. Then nothing has changed: the service's state (all it stores but its audit) is what it
 * was before the outside calls.</li>
 * <li>Inside: the same calls succeed for at least one area-bound role (2xx, or a 409 when an earlier inside call already
 * did what this one asks), so the outside refusals above are the area check at work — not a role refusing everything,
 * nor a request the service would have refused anyway.</li>
 * </ul>
 * Requests are templates: {@code {name}} in the path, the query and the body is replaced with the side's value of
 * {@code name}. Inside calls run in the order declared (they change things), after every outside call.
 */
public final class AccessSweep {

    /** What an endpoint is about, which decides what the sweep expects of it. */
    public enum Scope {
        /** One household or unit (named in the path, the query or the body): outside is 403 or 404. */
        HOUSEHOLD,
        /**
         * A request within the caller's own records (its round, its household) that names a record of the outside side
         * (another ward's household): refused with any 4xx, and nothing changed.
         */
        CROSS,
        /** Only for callers who act for every unit: every area-bound role gets a 403, inside and outside. */
        ALL_UNITS,
        /** Not about any household or unit (reference data, a what-if evaluation): nothing is expected of the area. */
        NO_AREA
    }

    /** A request: the side's values in, the status and body out. */
    @FunctionalInterface
    public interface Request extends BiFunction<String, Map<String, String>, Http.Response> {
    }

    record Declared(String method, String template, Scope scope, Request request) {

        String mapping() {
            return method + " " + template.replaceAll("\\?.*", "").replaceAll("\\{[^}]+}", "{}");
        }
    }

    /** One call made by the sweep, for the report of a failure. */
    public record Call(String caller, String side, String method, String path, int status) {

        @Override
        public String toString() {
            return caller + " " + side + ": " + method + " " + path + " → " + status;
        }
    }

    /** Values of the platform's own endpoints' variables, the same on both sides (see {@link #deadLetters()}). */
    private static final Map<String, String> PLATFORM_VALUES = Map.of("binding", "householdEvents", "partition", "0",
            "deadLetter", "0");

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final int port;
    private final RequestMappingHandlerMapping mappings;
    private final List<Declared> declared = new ArrayList<>();
    private final Set<String> open = new LinkedHashSet<>();
    private Map<String, String> inside = Map.of();
    private Map<String, String> outside = Map.of();
    private Map<String, String> callers = Map.of();
    private Supplier<?> state = () -> null;

    private AccessSweep(int port, RequestMappingHandlerMapping mappings) {
        this.port = port;
        this.mappings = mappings;
    }

    public static AccessSweep of(int port, RequestMappingHandlerMapping mappings) {
        return new AccessSweep(port, mappings);
    }

    /**
     * One token per area-bound role, each acting for {@code unit} only: a ward officer, a commune chairman, a
     * department officer of {@code department}, the steering committee and BHXH's system.
     */
    public static Map<String, String> areaBoundCallers(String unit, String department) {
        Map<String, String> callers = new LinkedHashMap<>();
        for (String role : List.of("WARD_OFFICER", "COMMUNE_CHAIRMAN", "DEPARTMENT_OFFICER", "STEERING_VIEWER",
                "BHXH_SYSTEM")) {
            callers.put(role + "[" + unit + "]", TestTokens.of(role.toLowerCase() + "@sweep", List.of(role),
                    List.of(unit), role.equals("DEPARTMENT_OFFICER") ? department : null));
        }
        return callers;
    }

    /** The values of the side inside the callers' units (ids of records there, its unit code). */
    public AccessSweep inside(Map<String, String> values) {
        this.inside = Map.copyOf(values);
        return this;
    }

    /** The values of the side outside the callers' units; a list must never name one of them. */
    public AccessSweep outside(Map<String, String> values) {
        this.outside = Map.copyOf(values);
        return this;
    }

    public AccessSweep callers(Map<String, String> tokensByName) {
        this.callers = Map.copyOf(tokensByName);
        return this;
    }

    /** What must not change when the outside calls are refused (e.g. every stored document but the audit). */
    public AccessSweep state(Supplier<?> state) {
        this.state = state;
        return this;
    }

    /** Endpoints open without a token ({@code "GET /path"}, variables as in the mapping), left out of the sweep. */
    public AccessSweep open(String... endpoints) {
        open.addAll(List.of(endpoints));
        return this;
    }

    /**
     * The platform's dead-letter endpoints, which every service maps: only for the city's administrator (a dead
     * letter holds a whole event), so every area-bound caller is refused.
     */
    public AccessSweep deadLetters() {
        return get(Scope.ALL_UNITS, "/api/v1/dead-letters")
                .get(Scope.ALL_UNITS, "/api/v1/dead-letters/{binding}")
                .call(Scope.ALL_UNITS, "POST", "/api/v1/dead-letters/{binding}/{partition}/{deadLetter}/replay", "")
                .call(Scope.ALL_UNITS, "POST", "/api/v1/dead-letters/{binding}/replay", "");
    }

    public AccessSweep get(Scope scope, String template) {
        return call(scope, "GET", template, (String) null);
    }

    /** A GET (or a POST or PUT with a JSON body template; null for none). */
    public AccessSweep call(Scope scope, String method, String template, String body) {
        return call(scope, method, template, (path, side) -> switch (method) {
            case "GET" -> Http.get(path);
            case "POST" -> Http.post(path, body == null ? "{}" : fill(body, side));
            case "PUT" -> Http.put(path, body == null ? "{}" : fill(body, side));
            default -> throw new IllegalArgumentException(method);
        });
    }

    /** A call made by {@code request} (e.g. an upload), given the filled path and the side's values. */
    public AccessSweep call(Scope scope, String method, String template, Request request) {
        declared.add(new Declared(method, template, scope, request));
        return this;
    }

    /** Runs the sweep; fails with every call that broke a rule. */
    public List<Call> run() {
        everyMappedEndpointIsDeclared();
        List<Call> calls = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Object before = quiet();
        for (Declared d : declared) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                String path = fill(d.template(), outside);
                Http.Response response = Http.as(caller.getValue(), () -> d.request().apply(url(path), outside));
                Call call = new Call(caller.getKey(), "outside", d.method(), path, response.status());
                calls.add(call);
                String problem = outsideProblem(d.scope(), response);
                if (problem != null) {
                    broken.add(call + ": " + problem + " — " + abbreviate(response.body()));
                }
            }
        }
        Object after = state.get();
        assertThat(broken).as("outside calls that were not refused").isEmpty();
        assertThat(after).as("what the service stores, after every outside call was refused").isEqualTo(before);
        for (Declared d : declared) {
            boolean reached = false;
            List<String> answers = new ArrayList<>();
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                String path = fill(d.template(), inside);
                Http.Response response = Http.as(caller.getValue(), () -> d.request().apply(url(path), inside));
                Call call = new Call(caller.getKey(), "inside", d.method(), path, response.status());
                calls.add(call);
                reached |= response.status() / 100 == 2 || response.status() == 409;
                answers.add(caller.getKey() + " → " + response.status() + " " + abbreviate(response.body()));
                if (d.scope() == Scope.ALL_UNITS && response.status() != 403) {
                    broken.add(call + ": only for callers acting for every unit — " + abbreviate(response.body()));
                }
            }
            if (!reached && d.scope() != Scope.ALL_UNITS && d.scope() != Scope.NO_AREA) {
                broken.add(d.method() + " " + d.template() + ": no area-bound role succeeded inside its units, so the "
                        + "refusals outside prove nothing: " + answers);
            }
        }
        assertThat(broken).as("inside calls").isEmpty();
        return calls;
    }

    /** The state once nothing is moving any more (events of the set-up consumed, outbox relayed). */
    private Object quiet() {
        Object[] last = {state.get()};
        Awaitility.await("the service's state to settle").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    Object now = state.get();
                    boolean same = now == null ? last[0] == null : now.equals(last[0]);
                    last[0] = now;
                    return same;
                });
        return last[0];
    }

    private String outsideProblem(Scope scope, Http.Response response) {
        int status = response.status();
        return switch (scope) {
            case HOUSEHOLD -> status == 403 || status == 404 ? null : "expected 403 or 404";
            case CROSS -> status / 100 == 4 ? null : "expected a refusal (4xx)";
            case ALL_UNITS -> status == 403 ? null : "expected 403";
            case NO_AREA -> null;
        };
    }

    private void everyMappedEndpointIsDeclared() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/error") || pattern.startsWith("/v3/api-docs")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String endpoint = method.name() + " " + pattern.replaceAll("\\{[^}]+}", "{}");
                    if (!open.contains(method.name() + " " + pattern)) {
                        mapped.add(endpoint);
                    }
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        declared.forEach(d -> covered.add(d.mapping()));
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(covered);
        assertThat(missing).as("mapped endpoints the access sweep does not declare").isEmpty();
        Set<String> unknown = new TreeSet<>(covered);
        unknown.removeAll(mapped);
        assertThat(unknown).as("declared endpoints the service does not map").isEmpty();
        assertThat(callers).as("callers").isNotEmpty();
    }

    /** {@code template} with each {@code {name}} replaced by the side's value; a name the side lacks is a mistake. */
    public static String fill(String template, Map<String, String> side) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = side.getOrDefault(m.group(1), PLATFORM_VALUES.get(m.group(1)));
            if (value == null) {
                throw new IllegalArgumentException("{" + m.group(1) + "} in " + template + " has no value on this side "
                        + side.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
