package vn.giamngheo.reporting.statistics;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;
import vn.giamngheo.reporting.areas.Area;
import vn.giamngheo.reporting.areas.Areas;

/**
 * The statistics office's households, population (and poverty-reduction officers) per unit and year: the
 * denominators of every rate. A row for year Y describes the unit version in force on 31 December of Y (or the last
 * one in force that year). An area without a row of its own is the sum of the commune-level rows that exactly make up
 * its territory; a year without figures falls back to the latest earlier year that has them, and says so.
 */
@Component
public class AreaStatistics {

    /** One row as supplied. {@code officers} may be null when the office did not count them. */
    public record Row(String unitCode, int year, long households, long population, Long officers) {
    }

    /** The denominator used for a rate, and the year of statistics it came from. */
    public record Denominator(int year, long households, long population, Long officers) {
    }

    /** A row as stored, with the version a correction replaces. */
    private record Stored(Row row, long version) {

        String id() {
            return row.unitCode() + ":" + row.year();
        }
    }

    private static final String COLLECTION = "area_statistics";
    private static final int ATTEMPTS = 3;
    private static final Codec<Stored> CODEC = Codec.of(Stored::id,
            s -> new Document("_id", s.id()).append(AggregateCollection.VERSION, s.version())
                    .append("unitCode", s.row().unitCode()).append("year", s.row().year())
                    .append("households", s.row().households()).append("population", s.row().population())
                    .append("officers", s.row().officers()),
            d -> new Stored(new Row(d.getString("unitCode"), d.getInteger("year"), d.getLong("households"),
                    d.getLong("population"), d.getLong("officers")),
                    d.get(AggregateCollection.VERSION, Number.class).longValue()));

    private final AggregateCollection<Stored> rows;
    private final Areas areas;
    private final Clock clock;
    private final Map<String, Row> cache = new ConcurrentHashMap<>();

    public AreaStatistics(Aggregates aggregates, MongoDatabase database, Areas areas, Clock clock) {
        this.rows = aggregates.withoutOutbox(COLLECTION, CODEC);
        this.areas = areas;
        this.clock = clock;
        database.getCollection(COLLECTION).find().projection(rows.readProjection()).forEach(doc -> {
            Stored stored = CODEC.decode(doc);
            cache.put(stored.id(), stored.row());
        });
    }

    public List<Row> list(Integer year) {
        return cache.values().stream().filter(r -> year == null || r.year() == year)
                .sorted(Comparator.comparingInt(Row::year).thenComparing(Row::unitCode)).toList();
    }

    /**
     * Checks every row first and stores nothing unless all are valid; then all rows in one bulk write, each replacing
     * the stored row of its unit and year (idempotent).
     */
    public List<Row> store(List<Row> candidates, List<String> where) {
        return store(candidates, where, List.of());
    }

    /** As {@link #store(List, List)}, reporting {@code earlier} problems (rows a file could not read) with the rest. */
    public List<Row> store(List<Row> candidates, List<String> where, List<FieldProblem> earlier) {
        List<FieldProblem> problems = new ArrayList<>(earlier);
        Set<String> seen = new HashSet<>();
        int thisYear = LocalDate.now(clock).getYear();
        for (int i = 0; i < candidates.size(); i++) {
            Row row = candidates.get(i);
            String at = where.get(i);
            if (row.year() < areas.firstDay().getYear() || row.year() > thisYear) {
                problems.add(new FieldProblem(at + "year", "must be between " + areas.firstDay().getYear() + " and "
                        + thisYear + "; was " + row.year()));
            } else if (!inForceDuring(row.unitCode(), row.year())) {
                problems.add(new FieldProblem(at + "unitCode", "no administrative unit " + row.unitCode()
                        + " was in force in " + row.year()));
            }
            if (row.households() <= 0) {
                problems.add(new FieldProblem(at + "households", "must be more than 0; was " + row.households()));
            }
            if (row.population() < row.households()) {
                problems.add(new FieldProblem(at + "population", "must be at least the number of households ("
                        + row.households() + "); was " + row.population()));
            }
            if (row.officers() != null && row.officers() < 0) {
                problems.add(new FieldProblem(at + "officers", "must not be negative; was " + row.officers()));
            }
            if (!seen.add(row.unitCode() + ":" + row.year())) {
                problems.add(new FieldProblem(at + "unitCode", "unit " + row.unitCode() + " appears twice for "
                        + row.year()));
            }
        }
        if (candidates.isEmpty() && earlier.isEmpty()) {
            problems.add(new FieldProblem("rows", "no statistics rows"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        Map<String, Row> byId = new LinkedHashMap<>();
        candidates.forEach(row -> byId.put(new Stored(row, 0).id(), row));
        if (!rows.decideAll(byId.keySet(), (id, current) -> Optional.of(current == null
                ? Change.create(new Stored(byId.get(id), 1))
                : Change.update(current.version(), new Stored(byId.get(id), current.version() + 1))), ATTEMPTS)
                .allApplied()) {
            throw ApiException.conflict("rows", "the same rows are being stored at the same time; please retry");
        }
        cache.putAll(byId);
        return candidates;
    }

    private boolean inForceDuring(String code, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return areas.all().stream().map(Area::unit).anyMatch(u -> u.code().equals(code)
                && !u.validFrom().isAfter(last) && (u.validTo() == null || !u.validTo().isBefore(first)));
    }

    /** The denominator of {@code area} for {@code year}, or the latest earlier year that has one. */
    public Optional<Denominator> denominator(Area area, int year) {
        for (int y = year; y >= areas.firstDay().getYear(); y--) {
            Optional<Denominator> found = exact(area, y);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Denominator> exact(Area area, int year) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        List<Map.Entry<Area, Row>> ofYear = cache.values().stream().filter(r -> r.year() == year)
                .map(r -> areas.ofHousehold(r.unitCode(), yearEnd).map(a -> Map.entry(a, r)))
                .flatMap(Optional::stream).toList();
        for (Map.Entry<Area, Row> e : ofYear) {
            if (e.getKey().key().equals(area.key())) {
                Row r = e.getValue();
                return Optional.of(new Denominator(year, r.households(), r.population(), r.officers()));
            }
        }
        Set<String> covered = new HashSet<>();
        long households = 0;
        long population = 0;
        Long officers = 0L;
        for (Map.Entry<Area, Row> e : ofYear) {
            Area part = e.getKey();
            if (!part.unit().type().isCommuneLevel() || !area.covers(part)) {
                continue;
            }
            for (String atom : part.atoms()) {
                if (!covered.add(atom)) {
                    return Optional.empty();
                }
            }
            households += e.getValue().households();
            population += e.getValue().population();
            officers = officers == null || e.getValue().officers() == null ? null : officers + e.getValue().officers();
        }
        return covered.equals(area.atoms())
                ? Optional.of(new Denominator(year, households, population, officers))
                : Optional.empty();
    }
}
