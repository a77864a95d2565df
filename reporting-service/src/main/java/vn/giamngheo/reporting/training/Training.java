package vn.giamngheo.reporting.training;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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
 * Training courses for poverty-reduction officers (sub-project 5.1) and who attended them: the numerator of the
 * plan's "100 % of officers trained" (the denominator is the officers column of the area statistics). An officer
 * counts as trained in a year once they attended a course that ended in that year, on or before the day asked.
 */
@Component
public class Training {

    public record Attendee(String officerId, String unitCode) {
    }

    public record Course(String id, String title, String organiser, LocalDate startDate, LocalDate endDate,
            List<Attendee> attendees) {
    }

    /** A course as stored, with the version a correction replaces. */
    private record Stored(Course course, long version) {
    }

    private static final String COLLECTION = "training_courses";
    private static final int ATTEMPTS = 3;
    private static final Codec<Stored> CODEC = Codec.of(s -> s.course().id(),
            s -> new Document("_id", s.course().id()).append(AggregateCollection.VERSION, s.version())
                    .append("title", s.course().title()).append("organiser", s.course().organiser())
                    .append("startDate", s.course().startDate().toString())
                    .append("endDate", s.course().endDate().toString())
                    .append("attendees", s.course().attendees().stream().map(a -> new Document("officerId",
                            a.officerId()).append("unitCode", a.unitCode())).toList()),
            d -> new Stored(new Course(d.getString("_id"), d.getString("title"), d.getString("organiser"),
                    LocalDate.parse(d.getString("startDate")), LocalDate.parse(d.getString("endDate")),
                    d.getList("attendees", Document.class).stream()
                            .map(a -> new Attendee(a.getString("officerId"), a.getString("unitCode"))).toList()),
                    d.get(AggregateCollection.VERSION, Number.class).longValue()));

    private final AggregateCollection<Stored> courses;
    private final Areas areas;
    private final Clock clock;
    private final Map<String, Course> cache = new ConcurrentHashMap<>();

    public Training(Aggregates aggregates, MongoDatabase database, Areas areas, Clock clock) {
        this.courses = aggregates.withoutOutbox(COLLECTION, CODEC);
        this.areas = areas;
        this.clock = clock;
        database.getCollection(COLLECTION).find().projection(courses.readProjection()).forEach(doc -> {
            Course course = CODEC.decode(doc).course();
            cache.put(course.id(), course);
        });
    }

    /** Records (or corrects) a course with its attendance list, after checking all of it. */
    public Course record(String id, Course course) {
        List<FieldProblem> problems = new ArrayList<>();
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
            problems.add(new FieldProblem("id", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        if (course.title() == null || course.title().isBlank()) {
            problems.add(new FieldProblem("title", "is missing"));
        }
        LocalDate today = LocalDate.now(clock);
        if (course.startDate() == null || course.endDate() == null) {
            problems.add(new FieldProblem(course.startDate() == null ? "startDate" : "endDate", "is missing"));
        } else if (course.endDate().isBefore(course.startDate())) {
            problems.add(new FieldProblem("endDate", "is before startDate"));
        } else if (course.endDate().isAfter(today) || course.startDate().isBefore(areas.firstDay())) {
            problems.add(new FieldProblem("endDate", "attendance is recorded for courses held between "
                    + areas.firstDay() + " and today"));
        }
        if (course.organiser() == null || areas.all().stream().noneMatch(a -> a.code().equals(course.organiser()))) {
            problems.add(new FieldProblem("organiser", "must be the code of an administrative unit; was "
                    + course.organiser()));
        }
        List<Attendee> attendees = course.attendees() == null ? List.of() : course.attendees();
        if (attendees.isEmpty()) {
            problems.add(new FieldProblem("attendees", "no attendees"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < attendees.size(); i++) {
            Attendee a = attendees.get(i);
            if (a == null || a.officerId() == null || a.officerId().isBlank()) {
                problems.add(new FieldProblem("attendees[" + i + "].officerId", "is missing"));
                continue;
            }
            if (!seen.add(a.officerId())) {
                problems.add(new FieldProblem("attendees[" + i + "].officerId", a.officerId() + " is listed twice"));
            }
            if (course.endDate() != null && (a.unitCode() == null
                    || areas.ofHousehold(a.unitCode(), course.endDate()).isEmpty())) {
                problems.add(new FieldProblem("attendees[" + i + "].unitCode",
                        "must be the code of the officer's unit; was " + a.unitCode()));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        Course stored = new Course(id, course.title().strip(), course.organiser(), course.startDate(),
                course.endDate(), List.copyOf(attendees));
        // The last correction wins: replaces whatever version is stored (read again if another changed it meanwhile).
        if (!courses.decideAll(List.of(id), (i, current) -> Optional.of(current == null
                ? Change.create(new Stored(stored, 1))
                : Change.update(current.version(), new Stored(stored, current.version() + 1))), ATTEMPTS)
                .allApplied()) {
            throw ApiException.conflict("id", "course " + id + " is being changed at the same time; please retry");
        }
        cache.put(id, stored);
        return stored;
    }

    public List<Course> list(Area area, Integer year) {
        return cache.values().stream()
                .filter(c -> year == null || c.endDate().getYear() == year)
                .filter(c -> area == null || c.attendees().stream().anyMatch(a -> inside(area, a, c.endDate())))
                .sorted(Comparator.comparing(Course::endDate).thenComparing(Course::id)).toList();
    }

    /** Distinct officers of {@code area} trained in the year of {@code date}, up to that day. */
    public long trained(Area area, LocalDate date) {
        LocalDate first = date.withDayOfYear(1);
        Set<String> officers = new HashSet<>();
        for (Course course : cache.values()) {
            if (course.endDate().isBefore(first) || course.endDate().isAfter(date)) {
                continue;
            }
            course.attendees().stream().filter(a -> inside(area, a, course.endDate()))
                    .forEach(a -> officers.add(a.officerId()));
        }
        return officers.size();
    }

    private boolean inside(Area area, Attendee attendee, LocalDate on) {
        return areas.ofHousehold(attendee.unitCode(), on).map(area::covers).orElse(false);
    }
}
