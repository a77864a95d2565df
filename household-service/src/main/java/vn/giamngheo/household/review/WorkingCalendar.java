package vn.giamngheo.household.review;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.giamngheo.platform.rules.YamlNode;

/**
 * The working days of a commune People's Committee: Monday to Friday, less the public holidays and swapped days off
 * of the holidays file, plus the weekend days worked in exchange. Plain Java, loaded from data; a date in a year the
 * file does not list is refused rather than guessed, so a missing year is noticed and added.
 */
public final class WorkingCalendar {

    /** One day of the file, with why it is there. */
    public record Day(LocalDate date, String name, String provisionalReason) {
    }

    /**
     * What the file says of one year.
     *
     * @param confidence        S (secondary source) or U (unverified), as in the domain notes
     * @param provisionalReason why the year is not settled yet; null when it is
     */
    public record Year(int year, String confidence, String source, String provisionalReason, Map<LocalDate, Day> daysOff,
            Map<LocalDate, Day> workingDays) {
    }

    /** A date in a year the holidays file does not list. */
    public static final class YearNotCovered extends RuntimeException {

        YearNotCovered(int year, Set<Integer> covered) {
            super("the public holidays of " + year + " are not recorded (the holidays file lists " + covered
                    + "); an administrator adds the year as the Government announced it");
        }
    }

    private static final Set<String> TOP = Set.of("country", "legalBasis", "years");
    private static final Set<String> YEAR = Set.of("year", "confidence", "source", "provisional", "daysOff",
            "workingDays");
    private static final Set<String> DAY = Set.of("date", "name", "provisional");

    private final Map<Integer, Year> years;

    private WorkingCalendar(Map<Integer, Year> years) {
        this.years = years;
    }

    public static WorkingCalendar read(String file, InputStream in) {
        YamlNode root = YamlNode.read(file, in).allowOnly(TOP);
        root.string("country");
        root.string("legalBasis");
        Map<Integer, Year> years = new TreeMap<>();
        for (YamlNode node : root.list("years")) {
            node.allowOnly(YEAR);
            YamlNode yearNode = node.get("year");
            int year = Math.toIntExact(yearNode.longValue());
            String confidence = node.string("confidence");
            if (!Set.of("V", "S", "U").contains(confidence)) {
                throw node.get("confidence").error("is V (verified), S (secondary) or U (unverified)");
            }
            String provisional = node.optString("provisional").orElse(null);
            if (confidence.equals("U") && provisional == null) {
                throw node.get("confidence").error("an unverified year is provisional: say why");
            }
            Map<LocalDate, Day> off = days(node.list("daysOff"), year, true);
            Map<LocalDate, Day> worked = days(node.list("workingDays"), year, false);
            for (LocalDate date : worked.keySet()) {
                if (off.containsKey(date)) {
                    throw node.get("workingDays").error(date + " is both a day off and a working day");
                }
            }
            if (years.put(year, new Year(year, confidence, node.string("source"), provisional, Map.copyOf(off),
                    Map.copyOf(worked))) != null) {
                throw yearNode.error("year " + year + " is listed twice");
            }
        }
        if (years.isEmpty()) {
            throw root.get("years").error("at least one year is needed");
        }
        return new WorkingCalendar(Map.copyOf(years));
    }

    /** Days off must be weekdays and days worked must be weekend days: anything else would change nothing. */
    private static Map<LocalDate, Day> days(List<YamlNode> nodes, int year, boolean off) {
        Map<LocalDate, Day> days = new TreeMap<>();
        Set<LocalDate> seen = new HashSet<>();
        for (YamlNode node : nodes) {
            node.allowOnly(DAY);
            YamlNode dateNode = node.get("date");
            LocalDate date = dateNode.date();
            if (date.getYear() != year) {
                throw dateNode.error(date + " is not in " + year);
            }
            if (!seen.add(date)) {
                throw dateNode.error(date + " is listed twice");
            }
            if (weekend(date) == off) {
                throw dateNode.error(date + " is a " + date.getDayOfWeek() + (off
                        ? ": only weekdays are listed as days off" : ": only weekend days are listed as worked"));
            }
            days.put(date, new Day(date, node.string("name"), node.optString("provisional").orElse(null)));
        }
        return days;
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private Year year(int year) {
        Year found = years.get(year);
        if (found == null) {
            throw new YearNotCovered(year, new TreeSet<>(years.keySet()));
        }
        return found;
    }

    public boolean isWorkingDay(LocalDate date) {
        Year year = year(date.getYear());
        if (weekend(date)) {
            return year.workingDays().containsKey(date);
        }
        return !year.daysOff().containsKey(date);
    }

    /** Why the date is not a working day (a holiday, a swapped day), when the file names it. */
    public Optional<Day> dayOff(LocalDate date) {
        return Optional.ofNullable(year(date.getYear()).daysOff().get(date));
    }

    /**
     * The last of {@code days} working days counted from {@code start} itself when it is one: a posting that starts
     * on a Thursday for 3 working days ends on the Monday.
     */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        LocalDate day = start;
        int counted = isWorkingDay(day) ? 1 : 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The {@code days}-th working day after {@code from}, which itself is not counted. */
    public LocalDate workingDaysAfter(LocalDate from, int days) {
        return addWorkingDays(from.plusDays(1), days);
    }

    /** {@code date} if it is a working day, else the next one. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Whether any day the count relies on is marked provisional in the file (its year, or the day itself). */
    public boolean provisionalBetween(LocalDate from, LocalDate to) {
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            Year year = year(y);
            if (year.provisionalReason() != null) {
                return true;
            }
            boolean dayProvisional = year.daysOff().values().stream().anyMatch(d -> d.provisionalReason() != null
                    && !d.date().isBefore(from) && !d.date().isAfter(to));
            if (dayProvisional) {
                return true;
            }
        }
        return false;
    }

    public List<Year> years() {
        return years.values().stream().sorted(Comparator.comparingInt(Year::year)).toList();
    }
}
