package vn.giamngheo.reporting.plans;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.core.io.Resource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;
import vn.giamngheo.reporting.areas.Area;
import vn.giamngheo.reporting.areas.Areas;
import vn.giamngheo.reporting.figures.Indicator;

/**
 * Plans and their targets. Shipped plan files are stored at start-up unless a plan with the same id is already
 * there (an administrator's correction wins); plans are added or corrected through the API, checked in full first.
 */
public class Plans {

    private static final String COLLECTION = "plans";
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A plan as stored: its JSON, and the version a correction replaces. */
    private record Stored(Plan plan, long version) {
    }

    private static final Codec<Stored> CODEC = Codec.of(s -> s.plan().id(),
            s -> new Document("_id", s.plan().id()).append(AggregateCollection.VERSION, s.version())
                    .append("json", JSON.writeValueAsString(s.plan())),
            d -> new Stored(JSON.readValue(d.getString("json"), Plan.class),
                    d.get(AggregateCollection.VERSION, Number.class).longValue()));
    private static final int ATTEMPTS = 3;

    private final AggregateCollection<Stored> plans;
    private final Areas areas;
    private final Clock clock;
    private final Map<String, Plan> cache = new ConcurrentHashMap<>();

    public Plans(Aggregates aggregates, MongoDatabase database, Areas areas, Clock clock, List<Resource> shipped) {
        this.plans = aggregates.withoutOutbox(COLLECTION, CODEC);
        this.areas = areas;
        this.clock = clock;
        database.getCollection(COLLECTION).find().projection(plans.readProjection()).forEach(doc -> {
            Plan plan = CODEC.decode(doc).plan();
            cache.put(plan.id(), plan);
        });
        for (Resource file : shipped) {
            Plan plan;
            try (InputStream in = file.getInputStream()) {
                plan = JSON.readValue(in, Plan.class);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("Plan file " + file.getDescription() + " cannot be read: "
                        + e.getMessage(), e);
            }
            if (!cache.containsKey(plan.id())) {
                try {
                    save(plan.id(), plan);
                } catch (ApiException e) {
                    throw new IllegalStateException("Plan file " + file.getDescription() + " is wrong: "
                            + e.problems(), e);
                }
            }
        }
    }

    public List<Plan> list() {
        return cache.values().stream().sorted(Comparator.comparing(Plan::from).thenComparing(Plan::id)).toList();
    }

    public Plan get(String id) {
        Plan plan = cache.get(id);
        if (plan == null) {
            throw ApiException.notFound("plan " + id);
        }
        return plan;
    }

    /** The plan for {@code area} in force on {@code date}, else its latest plan before that day. */
    public Optional<Plan> current(Area area, LocalDate date) {
        List<Plan> ofArea = list().stream().filter(p -> areaOf(p).key().equals(area.key())
                && !p.from().isAfter(date)).toList();
        return ofArea.stream().filter(p -> !p.to().isBefore(date)).findFirst()
                .or(() -> ofArea.stream().max(Comparator.comparing(Plan::to)));
    }

    /** The plan in force on {@code date} for exactly this area (for the target carried by the progress stream). */
    public Optional<Plan> inForce(Area area, LocalDate date) {
        return list().stream().filter(p -> areaOf(p).key().equals(area.key()) && !p.from().isAfter(date)
                && !p.to().isBefore(date)).findFirst();
    }

    public Area areaOf(Plan plan) {
        return areas.resolve(plan.area(), plan.from());
    }

    public Plan save(String id, Plan candidate) {
        Plan plan = check(id, candidate);
        // The last correction wins: replaces whatever version is stored (read again if another changed it meanwhile).
        if (!plans.decideAll(List.of(id), (i, current) -> Optional.of(current == null
                ? Change.create(new Stored(plan, 1))
                : Change.update(current.version(), new Stored(plan, current.version() + 1))), ATTEMPTS).allApplied()) {
            throw ApiException.conflict("id", "plan " + id + " is being changed at the same time; please retry");
        }
        cache.put(id, plan);
        return plan;
    }

    private Plan check(String id, Plan p) {
        List<FieldProblem> problems = new ArrayList<>();
        if (id == null || !id.matches("[a-z0-9-]{1,64}")) {
            problems.add(new FieldProblem("id", "must be 1 to 64 lower-case letters, digits or '-'"));
        }
        if (p.id() != null && !p.id().equals(id)) {
            problems.add(new FieldProblem("id", "differs from the id in the address (" + id + ")"));
        }
        if (p.title() == null || p.title().isBlank()) {
            problems.add(new FieldProblem("title", "is missing"));
        }
        int thisYear = LocalDate.now(clock).getYear();
        if (p.year() < areas.firstDay().getYear() || p.year() > thisYear + 5) {
            problems.add(new FieldProblem("year", "must be between " + areas.firstDay().getYear() + " and "
                    + (thisYear + 5) + "; was " + p.year()));
            throw ApiException.invalid(problems);
        }
        LocalDate from = p.from() == null ? LocalDate.of(p.year(), 1, 1) : p.from();
        LocalDate to = p.to() == null ? LocalDate.of(p.year(), 12, 31) : p.to();
        if (to.isBefore(from)) {
            problems.add(new FieldProblem("to", "is before from"));
        }
        if (from.isBefore(areas.firstDay().plusDays(1))) {
            problems.add(new FieldProblem("from", "must be after " + areas.firstDay()
                    + " (the baseline is the day before the period starts)"));
        }
        Area area = null;
        try {
            area = areas.resolve(p.area(), from);
            if (!area.unit().inForceOn(from)) {
                // A plan for a unit that no longer (or not yet) exists would have no one to carry it out.
                problems.add(new FieldProblem("area", area.name() + " (" + area.key() + ") is not in force on "
                        + from + ", the plan's first day"));
            }
        } catch (ApiException e) {
            problems.add(new FieldProblem("area", "is not a known administrative unit: " + p.area()));
        }
        List<Plan.Target> targets = p.targets() == null ? List.of() : p.targets();
        if (targets.isEmpty()) {
            problems.add(new FieldProblem("targets", "a plan needs at least one target"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            Plan.Target t = targets.get(i);
            String at = "targets[" + i + "].";
            Optional<Indicator> indicator = t == null ? Optional.empty() : Indicator.find(t.indicator());
            if (indicator.isEmpty()) {
                problems.add(new FieldProblem(at + "indicator", "unknown indicator '" + (t == null ? null
                        : t.indicator()) + "'; known: " + Arrays.toString(Indicator.values())));
                continue;
            }
            if (!seen.add(t.indicator())) {
                problems.add(new FieldProblem(at + "indicator", t.indicator() + " has two targets"));
            }
            if (t.min() == null || t.min().signum() < 0) {
                problems.add(new FieldProblem(at + "min", "must be a number of at least 0"));
            } else if (t.max() != null && t.max().compareTo(t.min()) < 0) {
                problems.add(new FieldProblem(at + "max", "is below min"));
            } else if (indicator.get().goal() == Indicator.Goal.REACH
                    && t.min().compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add(new FieldProblem(at + "min", "a coverage cannot exceed 100 %"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new Plan(id, p.title().strip(), p.basis(), area.code().equals(p.area()) ? p.area() : area.key(),
                p.year(), from, to, List.copyOf(targets));
    }
}
