package vn.giamngheo.reporting.areas;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.platform.web.ApiException;

/**
 * Resolves area names to unit versions and their territories, through the dated units shared with household-service.
 * An area is named by its code ({@code 08716}: the version in force on the date asked, else the nearest one) or by
 * code and version start ({@code 08716@2025-07-01}), because codes were re-used in the 2025 merger.
 */
public final class Areas {

    private final UnitCatalog catalog;
    private final Map<String, Area> byKey = new LinkedHashMap<>();
    private final LocalDate firstDay;

    public Areas(UnitCatalog catalog) {
        this.catalog = catalog;
        List<AdministrativeUnit> all = catalog.all().stream()
                .sorted(Comparator.comparing(AdministrativeUnit::validFrom).thenComparing(AdministrativeUnit::code))
                .toList();
        for (AdministrativeUnit unit : all) {
            byKey.put(Area.keyOf(unit), new Area(Area.keyOf(unit), unit, atoms(unit, all, new HashSet<>())));
        }
        this.firstDay = all.stream().map(AdministrativeUnit::validFrom).min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("no administrative units"));
    }

    /** The first day the platform keeps figures for (the earliest unit version). */
    public LocalDate firstDay() {
        return firstDay;
    }

    /**
     * A unit's territory as atoms: the atoms of its predecessors and children, or the unit itself when it has none.
     * A unit split between successors (Xã Vầy Nưa → 04828 and 04891) is made of one part per successor, each part in
     * its successor only: a household recorded there before its successor is known lies in the former district and
     * the province, but in neither commune, and is never counted twice. {@code path} guards against a cycle in a
     * broken data file (the units on the way down, not every unit seen: two children may share a predecessor's atoms).
     */
    private Set<String> atoms(AdministrativeUnit unit, List<AdministrativeUnit> all, Set<String> path) {
        Set<String> whole = whole(unit, all, path);
        if (!unit.isSplit()) {
            return whole;
        }
        Set<String> parts = new HashSet<>();
        unit.successors().forEach(successor -> parts.addAll(partFor(whole, successor)));
        return parts;
    }

    private Set<String> whole(AdministrativeUnit unit, List<AdministrativeUnit> all, Set<String> path) {
        Set<String> atoms = new HashSet<>();
        if (path.contains(Area.keyOf(unit))) {
            return atoms;
        }
        path = new HashSet<>(path);
        path.add(Area.keyOf(unit));
        for (AdministrativeUnit other : all) {
            boolean predecessor = other.validTo() != null && other.validTo().plusDays(1).equals(unit.validFrom())
                    && other.successors().contains(unit.code());
            boolean child = unit.code().equals(other.parentCode()) && overlaps(unit, other);
            if (predecessor && other.isSplit()) {
                atoms.addAll(partFor(whole(other, all, path), unit.code()));
            } else if (predecessor || child) {
                atoms.addAll(atoms(other, all, path));
            }
        }
        if (atoms.isEmpty()) {
            atoms.add(Area.keyOf(unit));
        }
        return atoms;
    }

    /** The part of a split unit's territory that went to {@code successor}. */
    private static Set<String> partFor(Set<String> whole, String successor) {
        Set<String> part = new HashSet<>();
        whole.forEach(atom -> part.add(atom + ">" + successor));
        return part;
    }

    private static boolean overlaps(AdministrativeUnit a, AdministrativeUnit b) {
        return (a.validTo() == null || !b.validFrom().isAfter(a.validTo()))
                && (b.validTo() == null || !a.validFrom().isAfter(b.validTo()));
    }

    /**
     * The area named {@code name} for a question about {@code date}: a 404 naming it when no unit has that code.
     * Accepts {@code code} or {@code code@yyyy-MM-dd}.
     */
    public Area resolve(String name, LocalDate date) {
        if (name == null || !name.matches("\\d{2,5}(@\\d{4}-\\d{2}-\\d{2})?")) {
            throw ApiException.invalid("area", "must be a unit code of 2 to 5 digits, optionally with @ and the "
                    + "version's first day (08716@2025-07-01); was '" + name + "'");
        }
        if (name.contains("@")) {
            Area area = byKey.get(name);
            if (area == null) {
                throw ApiException.notFound("area " + name + ": no version of unit " + name.substring(0, name.indexOf('@'))
                        + " starts on that day");
            }
            return area;
        }
        return versionOf(name, date).map(u -> byKey.get(Area.keyOf(u)))
                .orElseThrow(() -> ApiException.notFound("area " + name + ": no administrative unit has this code"));
    }

    /** The version of {@code code} in force on {@code date}, else the last one before it, else the first after it. */
    public Optional<AdministrativeUnit> versionOf(String code, LocalDate date) {
        Optional<AdministrativeUnit> inForce = catalog.find(code, date);
        if (inForce.isPresent()) {
            return inForce;
        }
        List<AdministrativeUnit> versions = catalog.versions(code);
        return versions.stream().filter(u -> u.validTo() != null && u.validTo().isBefore(date))
                .reduce((a, b) -> b)
                .or(() -> versions.stream().findFirst());
    }

    /** The area of a household recorded under {@code code} on {@code date}; empty for a code no unit has. */
    public Optional<Area> ofHousehold(String code, LocalDate date) {
        return versionOf(code, date).map(u -> byKey.get(Area.keyOf(u)));
    }

    public Area of(AdministrativeUnit unit) {
        return byKey.get(Area.keyOf(unit));
    }

    /** The area with this key ({@code code@validFrom}). */
    public Optional<Area> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Whether no later version re-uses this area's code. */
    public boolean latestOfItsCode(Area area) {
        List<AdministrativeUnit> versions = catalog.versions(area.code());
        return versions.isEmpty() || Area.keyOf(versions.getLast()).equals(area.key());
    }

    /** Commune-level units in force on {@code date} inside {@code area} (the rows of a per-ward table). */
    public List<Area> communesWithin(Area area, LocalDate date) {
        return byKey.values().stream()
                .filter(a -> a.unit().type().isCommuneLevel() && a.unit().inForceOn(date) && area.covers(a))
                .sorted(Comparator.comparing(Area::code))
                .toList();
    }

    /** Every area whose unit is in force on {@code date}. */
    public List<Area> inForceOn(LocalDate date) {
        return byKey.values().stream().filter(a -> a.unit().inForceOn(date)).toList();
    }

    public List<Area> all() {
        return List.copyOf(byKey.values());
    }

    /**
     * A date a figure is asked for: {@code today} when absent; a 400 naming {@code field} when malformed, before the
     * first day the platform keeps, or after today (figures are facts, not forecasts).
     */
    public LocalDate date(String field, String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return today;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date yyyy-MM-dd; was '" + value + "'");
        }
        if (date.isBefore(firstDay)) {
            throw ApiException.invalid(field, "is before " + firstDay + ", the first day the platform keeps figures "
                    + "for; was " + date);
        }
        if (date.isAfter(today)) {
            throw ApiException.invalid(field, "is after today (" + today + "); figures exist only for past days");
        }
        return date;
    }
}
