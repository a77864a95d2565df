package vn.giamngheo.portal.programme;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriBuilder;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Forms;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.registry.RegistryProperties;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.units.Units;
import vn.giamngheo.portal.web.PageModel;
import vn.giamngheo.portal.web.VietnameseFormats;

/**
 * What the programme pages do with reporting-service: read as the person, send a change as the person and put the
 * service's refusal beside the fields (reporting-service's reasons in Vietnamese where the portal knows them), and
 * the numbers as people type and read them (0,5; 1.234).
 */
@Component
class ProgrammeCalls {

    /** Who may change plans, statistics and training records (reporting-service's AccessRules). */
    static final String[] EDITORS = {"CITY_ADMIN", "LABOUR_OFFICER"};

    private record Known(Pattern pattern, String key) {
        Known(String regex, String key) {
            this(Pattern.compile(regex), key);
        }
    }

    /** reporting-service's reasons about plans, statistics and training, and their keys in messages_vi. */
    private static final List<Known> KNOWN = List.of(
            new Known("must be a number of at least 0", "programme.reason.atLeastZero"),
            new Known("is below min", "programme.reason.belowMin"),
            new Known("a coverage cannot exceed 100 %", "programme.reason.over100"),
            new Known("is missing", "reason.required"),
            new Known("must be between (\\d+) and (\\d+); was (-?\\d+)", "programme.reason.yearRange"),
            new Known("is before (from|startDate)", "programme.reason.endBeforeStart"),
            new Known("must be after (\\S+) .*", "programme.reason.fromAfter"),
            new Known("is not a known administrative unit: (.*)", "programme.reason.unknownArea"),
            new Known("(.+) \\((.+)\\) is not in force on (\\S+), the plan's first day", "programme.reason.notInForce"),
            new Known("a plan needs at least one target", "programme.reason.noTarget"),
            new Known("no administrative unit (\\S+) was in force in (\\d+)", "programme.reason.unitYear"),
            new Known("must be more than 0; was (-?\\d+)", "programme.reason.positive"),
            new Known("must be at least the number of households \\((\\d+)\\); was (-?\\d+)",
                    "programme.reason.population"),
            new Known("must not be negative; was (-?\\d+)", "programme.reason.negative"),
            new Known("unit (\\S+) appears twice for (\\d+)", "programme.reason.twice"),
            new Known("must be a whole number; was '(.*)'", "programme.reason.wholeNumber"),
            new Known("must be 2 to 5 digits; was '(.*)'", "programme.reason.unitCode"),
            new Known("has (\\d+) cells; the header has (\\d+)", "programme.reason.cells"),
            new Known("the header lacks column '(.+)' .*", "programme.reason.column"),
            new Known("unknown column '(.+)'", "programme.reason.unknownColumn"),
            new Known("no statistics rows", "programme.reason.noRows"),
            new Known("attendance is recorded for courses held between (\\S+) and today",
                    "programme.reason.courseDates"),
            new Known("must be the code of an administrative unit; was (.*)", "programme.reason.organiser"),
            new Known("no attendees", "programme.reason.noAttendees"),
            new Known("(.+) is listed twice", "programme.reason.attendeeTwice"),
            new Known("must be the code of the officer's unit; was (.*)", "programme.reason.attendeeUnit"));

    private final ServiceClient services;
    private final AccessTokens tokens;
    private final Reasons reasons;
    private final RegistryCalls calls;
    private final RegistryProperties properties;
    private final VietnameseFormats vi;
    private final Units units;

    ProgrammeCalls(ServiceClient services, AccessTokens tokens, Reasons reasons, RegistryCalls calls,
            RegistryProperties properties, VietnameseFormats vi, Units units) {
        this.units = units;
        this.services = services;
        this.tokens = tokens;
        this.reasons = reasons;
        this.calls = calls;
        this.properties = properties;
        this.vi = vi;
    }

    Reasons reasons() {
        return reasons;
    }

    String token() {
        return tokens.current();
    }

    <T> T get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
        return services.get(Service.REPORTING, uri, type, tokens.current());
    }

    <T> T get(Function<UriBuilder, URI> uri, Class<T> type) {
        return services.get(Service.REPORTING, uri, type, tokens.current());
    }

    /** Whether the person may change the programme's records; the form pages are the 403 page for anyone else. */
    static boolean edits(Officer officer) {
        return officer != null && officer.hasAny(EDITORS);
    }

    static void requireEditor() {
        if (!edits(PageModel.current())) {
            throw new ServiceProblem(Service.REPORTING, ServiceProblem.Kind.NOT_ALLOWED, 403,
                    "only the administrator and the Sở NN&MT change the programme's records", List.of(), null);
        }
    }

    /**
     * Sends a change to reporting-service as the person; its answer, or null with the refusal in {@code errors}
     * beside the form field {@code formField} names for each service field (null: the summary only).
     */
    <T> T send(HttpMethod method, Function<UriBuilder, URI> uri, Object body, MediaType contentType, Class<T> type,
            Function<String, String> formField, FormErrors errors) {
        try {
            return services.send(Service.REPORTING, method, uri, body, contentType, type, tokens.current(),
                    MediaType.APPLICATION_JSON.equals(contentType) ? properties.writeTimeout()
                            : properties.uploadTimeout());
        } catch (ServiceProblem problem) {
            if (problem.kind() != ServiceProblem.Kind.REFUSED) {
                calls.explain(problem, formField, errors);
                return null;
            }
            if (problem.errors().isEmpty()) {
                errors.add(null, problem.detail() == null ? reasons.text("form.error.refused")
                        : translate(problem.detail()));
            }
            for (ServiceProblem.FieldError e : problem.errors()) {
                String field = formField.apply(e.field());
                errors.add(field, field == null ? e.field() + ": " + translate(e.reason()) : translate(e.reason()));
            }
            return null;
        }
    }

    /** A reason of reporting-service in Vietnamese when the portal knows it; else as the registry knows it. */
    String translate(String reason) {
        if (reason != null) {
            for (Known known : KNOWN) {
                Matcher m = known.pattern().matcher(reason.strip());
                if (m.matches()) {
                    return reasons.text(known.key(), IntStream.rangeClosed(1, m.groupCount()).mapToObj(m::group)
                            .toArray());
                }
            }
        }
        return reasons.translate(reason);
    }

    /**
     * A number as typed: 0,5 or 0.5, 1.234 (thousands) or 1234; null when blank; an error on {@code field} when it
     * is not a number.
     */
    BigDecimal number(String field, String typed, FormErrors errors) {
        if (Forms.blank(typed)) {
            return null;
        }
        String text = typed.strip().replace(" ", "");
        if (text.contains(",")) {
            text = text.replace(".", "").replace(',', '.');
        } else if (text.matches("-?\\d{1,3}(\\.\\d{3})+")) {
            text = text.replace(".", "");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            errors.add(field, reasons.text("programme.error.number", typed.strip()));
            return null;
        }
    }

    /** A whole number as typed (1.234 or 1234); null when blank; an error on {@code field} otherwise. */
    Long whole(String field, String typed, FormErrors errors) {
        BigDecimal n = number(field, typed, errors);
        if (n == null) {
            return null;
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException notWhole) {
            errors.add(field, reasons.text("programme.error.whole", typed.strip()));
            return null;
        }
    }

    /** A number as people read it: 1.234,5 (at most two decimals, trailing zeros dropped). */
    String decimal(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal n = value.setScale(Math.min(Math.max(value.scale(), 0), 2), java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros();
        String whole = vi.number(n.abs().toBigInteger());
        String fraction = n.scale() > 0 ? "," + n.abs().toPlainString().substring(n.abs().toPlainString()
                .indexOf('.') + 1) : "";
        return (n.signum() < 0 ? "-" : "") + whole + fraction;
    }

    /**
     * The areas a form offers: the province, then the communes and wards the person acts for, and {@code current}
     * (a former unit an older record names) when it is none of them.
     */
    List<Units.Unit> areas(String current) {
        List<Units.Unit> areas = new java.util.ArrayList<>();
        areas.add(new Units.Unit("25", reasons.text("programme.area.province"), "PROVINCE"));
        areas.addAll(units.of(PageModel.current()));
        if (!Forms.blank(current) && areas.stream().noneMatch(u -> u.code().equals(current))) {
            areas.add(new Units.Unit(current, units.name(current), "COMMUNE"));
        }
        return areas;
    }

    /**
     * A service's field of a list that the form sends only the filled rows of: {@code list[k].leaf} → the form's
     * {@code list[sent.get(k)].leaf} ({@code leafless} for {@code list[k]} itself); null for any other field.
     */
    static String row(String field, String list, List<Integer> sent, String leafless) {
        RegistryCalls.Indexed at = RegistryCalls.Indexed.of(field);
        if (at == null || !at.list().equals(list) || at.index() >= sent.size()) {
            return null;
        }
        return list + "[" + sent.get(at.index()) + "]." + (at.rest() == null ? leafless : at.rest());
    }

    static String first(org.springframework.util.MultiValueMap<String, String> values, String name) {
        return values == null ? null : values.getFirst(name);
    }

    /** A number as typed back into a form: 0,5. */
    String typed(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
