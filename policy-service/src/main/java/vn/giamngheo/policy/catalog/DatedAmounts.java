package vn.giamngheo.policy.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Amount tables of a policy, each a list of values with the date they start (an electricity price, a base level, a
 * loan ceiling). A decision uses the value in force on its date and stores it.
 */
public record DatedAmounts(Map<String, List<Entry>> tables) {

    /** @param provisional true while the value is not verified against its legal text */
    public record Entry(LocalDate from, long value, boolean provisional) {
    }

    public DatedAmounts {
        tables = Map.copyOf(tables);
    }

    /** The value of each table in force on {@code date}; a table with no value yet is left out. */
    public Map<String, Long> on(LocalDate date) {
        Map<String, Long> values = new LinkedHashMap<>();
        tables.forEach((name, entries) -> entryOn(entries, date).ifPresent(e -> values.put(name, e.value())));
        return values;
    }

    /** Whether a value in force on {@code date} is provisional. */
    public boolean provisionalOn(LocalDate date) {
        return tables.values().stream().map(entries -> entryOn(entries, date)).flatMap(Optional::stream)
                .anyMatch(Entry::provisional);
    }

    boolean anyProvisional() {
        return tables.values().stream().flatMap(List::stream).anyMatch(Entry::provisional);
    }

    private static Optional<Entry> entryOn(List<Entry> entries, LocalDate date) {
        return entries.stream().filter(e -> !e.from().isAfter(date)).reduce((a, b) -> b);
    }
}
