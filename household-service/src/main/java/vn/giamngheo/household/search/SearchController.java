package vn.giamngheo.household.search;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.registry.HouseholdStatus;
import vn.giamngheo.platform.audit.AuditFilter;
import vn.giamngheo.platform.security.AreaAccess;
import vn.giamngheo.platform.security.Caller;
import vn.giamngheo.platform.security.Role;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;
import vn.giamngheo.platform.web.PlainText;

/**
 * Find a household: one search box (a name with or without diacritics, a citizen id, a household id or a village),
 * filtered by unit, class and status, within the units the caller acts for.
 */
@RestController
@RequestMapping("/api/v1/households/search")
class SearchController {

    static final int MAX_QUERY_LENGTH = 100;
    static final int MAX_SIZE = 100;
    /** How deep paging goes: past this the search should be narrowed, not paged. */
    static final int MAX_RESULTS = 10_000;

    /**
     * @param headName the head's name, for the officers who see names, while the household is in the registry
     * @param currentClass the class in force today (null before the first decision)
     */
    record Item(String id, String unitCode, String village, String headName, int activeMembers,
            HouseholdClass currentClass, HouseholdStatus status) {
    }

    record SearchPage(List<Item> items, int page, int size, long total) {
    }

    record Rebuilt(long households) {
    }

    private final HouseholdSearch search;
    private final AreaAccess guard;

    SearchController(HouseholdSearch search, AreaAccess guard) {
        this.search = search;
        this.guard = guard;
    }

    @GetMapping
    SearchPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String unitCode,
            @RequestParam(name = "class", required = false) String householdClass,
            @RequestParam(required = false) String status, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, HttpServletRequest http) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = text(q, problems);
        if (unitCode != null && !unitCode.matches("\\d{5}")) {
            problems.add(new FieldProblem("unitCode", "must be a 5-digit unit code"));
        }
        HouseholdClass cls = oneOf("class", householdClass, HouseholdClass.class, problems);
        HouseholdStatus st = oneOf("status", status, HouseholdStatus.class, problems);
        int p = number("page", page, 0, 0, Integer.MAX_VALUE, problems);
        int s = number("size", size, 20, 1, MAX_SIZE, problems);
        if (problems.isEmpty() && ((long) p + 1) * s > MAX_RESULTS) {
            problems.add(new FieldProblem("page", "goes past the first " + MAX_RESULTS
                    + " results; narrow the search instead"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (unitCode != null) {
            guard.checkUnit(unitCode);
        }
        Caller caller = Caller.current();
        boolean identity = caller.has(Role.CITY_ADMIN, Role.LABOUR_OFFICER, Role.WARD_OFFICER,
                Role.COMMUNE_CHAIRMAN);
        HouseholdIndex.Result result;
        try {
            result = search.search(new HouseholdSearch.Request(text,
                    guard.allUnits() ? null : Set.copyOf(caller.units()), identity, unitCode, cls, st, p, s));
        } catch (SearchIndexRebuildingException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), List.of(), Duration.ofSeconds(5));
        }
        List<Item> items = result.items().stream().map(h -> new Item(h.id(), h.unitCode(), h.village(),
                identity && h.status() == HouseholdStatus.ACTIVE ? h.headName() : null, h.activeMembers(),
                h.currentClass(), h.status())).toList();
        AuditFilter.households(http, items.stream().map(Item::id).toList());
        return new SearchPage(items, p, s, result.total());
    }

    /** Indexes every household of the registry again (after a restore, or to repair): the number indexed. */
    @PostMapping("/rebuild")
    Rebuilt rebuild() {
        return new Rebuilt(search.rebuild());
    }

    /** The search text as the platform takes any text: no control or invisible characters, one line, bounded. */
    private static String text(String q, List<FieldProblem> problems) {
        if (q == null) {
            return null;
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            problems.add(new FieldProblem("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
            return null;
        }
        var problem = PlainText.problem(q);
        if (problem.isPresent()) {
            problems.add(new FieldProblem("q", problem.get()));
            return null;
        }
        if (q.indexOf('\t') >= 0 || q.indexOf('\n') >= 0 || q.indexOf('\r') >= 0) {
            problems.add(new FieldProblem("q", "must be one line (no tab or line break)"));
            return null;
        }
        return q;
    }

    private static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static int number(String name, String value, int absent, int min, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                problems.add(new FieldProblem(name, max == Integer.MAX_VALUE ? "must be " + min + " or more"
                        : "must be from " + min + " to " + max));
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(name, "must be a whole number"));
            return absent;
        }
    }
}
