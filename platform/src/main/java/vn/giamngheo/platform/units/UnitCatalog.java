package vn.giamngheo.platform.units;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dated administrative units, loaded from data files that an administrator can extend. Validated when loaded: a
 * broken file stops the service with a message naming the file and the unit.
 */
public final class UnitCatalog {

    record UnitFile(String source, String note, List<AdministrativeUnit> units) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, List<AdministrativeUnit>> versionsByCode;

    private UnitCatalog(Map<String, List<AdministrativeUnit>> versionsByCode) {
        this.versionsByCode = versionsByCode;
    }

    public static UnitCatalog load(List<Resource> files) {
        Map<String, List<AdministrativeUnit>> byCode = new TreeMap<>();
        Map<AdministrativeUnit, String> origin = new HashMap<>();
        for (Resource file : files) {
            UnitFile parsed = read(file);
            if (parsed.units() == null || parsed.units().isEmpty()) {
                throw new InvalidUnitDataException(file.getDescription() + ": no units");
            }
            for (int i = 0; i < parsed.units().size(); i++) {
                AdministrativeUnit unit = parsed.units().get(i);
                String where = file.getDescription() + " units[" + i + "]";
                checkFields(unit, where);
                origin.put(unit, where);
                byCode.computeIfAbsent(unit.code(), c -> new ArrayList<>()).add(unit);
            }
        }
        byCode.values().forEach(versions -> versions.sort(Comparator.comparing(AdministrativeUnit::validFrom)));
        UnitCatalog catalog = new UnitCatalog(byCode);
        catalog.checkConsistency(origin);
        return catalog;
    }

    private static UnitFile read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return JSON.readValue(in, UnitFile.class);
        } catch (JacksonException e) {
            throw new InvalidUnitDataException(file.getDescription() + " line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidUnitDataException(file.getDescription() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void checkFields(AdministrativeUnit unit, String where) {
        require(unit.code() != null && unit.code().matches("\\d{2,5}"), where, "code must be 2 to 5 digits");
        require(unit.name() != null && !unit.name().isBlank(), where, "name is missing");
        require(unit.type() != null, where, "type is missing");
        require(unit.validFrom() != null, where, "validFrom is missing");
        require(unit.validTo() == null || !unit.validTo().isBefore(unit.validFrom()), where,
                "validTo is before validFrom");
        require(unit.validTo() != null || unit.successors().isEmpty(), where,
                "a unit still in force cannot have successors");
        require(new HashSet<>(unit.successors()).size() == unit.successors().size(), where,
                "a successor is listed twice");
        // A commune's territory always goes somewhere; a district level can be abolished (2025-07-01).
        require(unit.validTo() == null || !unit.type().isCommuneLevel() || !unit.successors().isEmpty(), where,
                "a commune-level unit that ends needs the successors its territory went to");
        require(unit.type().level() == UnitType.Level.PROVINCE ? unit.parentCode() == null
                : unit.parentCode() != null, where, unit.type().level() == UnitType.Level.PROVINCE
                        ? "a province has no parent" : "parentCode is missing");
    }

    private void checkConsistency(Map<AdministrativeUnit, String> origin) {
        versionsByCode.forEach((code, versions) -> {
            for (int i = 1; i < versions.size(); i++) {
                AdministrativeUnit previous = versions.get(i - 1);
                AdministrativeUnit next = versions.get(i);
                require(previous.validTo() != null && previous.validTo().isBefore(next.validFrom()), origin.get(next),
                        "code " + code + " overlaps its version from " + previous.validFrom());
            }
        });
        versionsByCode.values().stream().flatMap(List::stream).forEach(unit -> {
            if (unit.parentCode() != null) {
                checkParent(unit, origin.get(unit));
            }
            for (String successor : unit.successors()) {
                Optional<AdministrativeUnit> next = find(successor, unit.validTo().plusDays(1));
                require(next.isPresent(), origin.get(unit),
                        "successor " + successor + " is not in force on " + unit.validTo().plusDays(1));
                require(!unit.isSplit() || next.get().type().isCommuneLevel(), origin.get(unit),
                        "successor " + successor + " of a split unit is not commune-level");
            }
        });
    }

    /** The parent is of a higher level and in force on the unit's first and last day. */
    private void checkParent(AdministrativeUnit unit, String where) {
        Optional<AdministrativeUnit> parent = find(unit.parentCode(), unit.validFrom());
        require(parent.isPresent(), where, "parent " + unit.parentCode() + " is not in force on " + unit.validFrom());
        require(parent.get().type().level().compareTo(unit.type().level()) < 0, where, "parent " + unit.parentCode()
                + " (" + parent.get().name() + ") is not of a higher level than " + unit.type());
        if (unit.validTo() != null) {
            require(find(unit.parentCode(), unit.validTo()).isPresent(), where,
                    "parent " + unit.parentCode() + " is not in force on " + unit.validTo());
        } else {
            require(versions(unit.parentCode()).getLast().validTo() == null, where,
                    "parent " + unit.parentCode() + " ends, but the unit stays in force");
        }
    }

    private static void require(boolean condition, String where, String problem) {
        if (!condition) {
            throw new InvalidUnitDataException(where + ": " + problem);
        }
    }

    /** The version of {@code code} in force on {@code date}. */
    public Optional<AdministrativeUnit> find(String code, LocalDate date) {
        return versionsByCode.getOrDefault(code, List.of()).stream().filter(u -> u.inForceOn(date)).findFirst();
    }

    /** Every version of {@code code}, oldest first. */
    public List<AdministrativeUnit> versions(String code) {
        return List.copyOf(versionsByCode.getOrDefault(code, List.of()));
    }

    /** Every version of every unit. */
    public List<AdministrativeUnit> all() {
        return versionsByCode.values().stream().flatMap(List::stream).toList();
    }

    /** Every unit in force on {@code date}, by code. */
    public List<AdministrativeUnit> inForceOn(LocalDate date) {
        return versionsByCode.values().stream().flatMap(List::stream).filter(u -> u.inForceOn(date)).toList();
    }

    /**
     * The code of the unit that covers, on {@code date}, the territory of unit {@code code}: the code itself while it is
     * in force, else its successors' (2025: Liên Bảo 08710 → Phường Vĩnh Phúc 08716). Empty when the code is unknown or
     * its territory was split between several units (then only the household's village can tell). The code is read
     * as it is meant on {@code date}: where a household's code was recorded on another day, use {@link #coverage}.
     */
    public Optional<String> coveringOn(String code, LocalDate date) {
        return coverage(code, null, date).covering();
    }

    /**
     * Which unit covers, on {@code date}, a household recorded under {@code code} on {@code recordedOn}. The day names
     * the version: 04891 recorded in 2024 is Xã Vầy Nưa, since split; recorded in 2026 it is Xã Tiền Phong. Without a
     * day ({@code null}), or for a date before it, the code means the unit in force on {@code date}, else its last
     * version before.
     */
    public Coverage coverage(String code, LocalDate recordedOn, LocalDate date) {
        Optional<AdministrativeUnit> recorded = recordedOn == null || date.isBefore(recordedOn)
                ? find(code, date).or(() -> lastBefore(code, date))
                : find(code, recordedOn);
        if (recorded.isEmpty()) {
            return new Coverage.Unknown();
        }
        AdministrativeUnit unit = recorded.get();
        Set<AdministrativeUnit> seen = new HashSet<>();
        while (!unit.inForceOn(date)) {
            if (!seen.add(unit) || unit.successors().isEmpty()) {
                return new Coverage.Unknown();
            }
            LocalDate next = unit.validTo().plusDays(1);
            if (unit.isSplit()) {
                return new Coverage.Split(unit, unit.successors().stream()
                        .map(s -> find(s, next).orElseThrow()).toList());
            }
            Optional<AdministrativeUnit> successor = find(unit.successors().getFirst(), next);
            if (successor.isEmpty()) {
                return new Coverage.Unknown();
            }
            unit = successor.get();
        }
        return new Coverage.Covered(unit.code());
    }

    private Optional<AdministrativeUnit> lastBefore(String code, LocalDate date) {
        return versionsByCode.getOrDefault(code, List.of()).stream()
                .filter(u -> u.validTo() != null && u.validTo().isBefore(date))
                .reduce((a, b) -> b);
    }
}
