package vn.giamngheo.notification.outside;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import vn.giamngheo.platform.web.ApiException;

/** The list filters officers use: an enum value, a day range in Vietnam time, a limit — each checked by name. */
public final class QueryParams {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A creation-time range, {@code from} included, {@code to} excluded. */
    public record Range(Instant from, Instant to) {
    }

    private QueryParams() {
    }

    public static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be one of " + List.of(type.getEnumConstants()));
        }
    }

    /** Days {@code from} to {@code to} (yyyy-MM-dd, both included, either may be absent). */
    public static Range days(String from, String to) {
        Instant start = day("from", from);
        Instant end = day("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiException.invalid("to", "is before from");
        }
        return new Range(start, end == null ? null : end.plus(Duration.ofDays(1)));
    }

    /** A commune-level unit code (5 digits), or null when not given. */
    public static String unitCode(String unitCode) {
        if (unitCode != null && !unitCode.matches("\\d{5}")) {
            throw ApiException.invalid("unitCode", "must be a 5-digit commune-level unit code");
        }
        return unitCode;
    }

    /** {@code order}: {@code oldest} (the default) or {@code newest} first, by creation time. */
    public static boolean newestFirst(String order) {
        if (order == null || order.equals("oldest")) {
            return false;
        }
        if (order.equals("newest")) {
            return true;
        }
        throw ApiException.invalid("order", "must be oldest or newest");
    }

    public static int limit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.invalid("limit", "must be between 1 and 1000");
        }
        return limit;
    }

    private static Instant day(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).atStartOfDay(VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date yyyy-MM-dd");
        }
    }
}
