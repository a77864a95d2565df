package vn.giamngheo.reporting.areas;

import java.util.Set;
import vn.giamngheo.platform.units.AdministrativeUnit;

/**
 * An area figures can be asked for: one version of an administrative unit and its territory, expressed as the set of
 * the oldest unit versions it is made of ("atoms"). Phường Vĩnh Phúc (08716 from 2025-07-01) is made of the atoms of
 * Liên Bảo, Đống Đa, Ngô Quyền, Định Trung and Khai Quang, so their households roll up into it for any date.
 *
 * @param key   {@code code@validFrom}, unique even where a code was re-used
 * @param atoms the territory, as atom keys
 */
public record Area(String key, AdministrativeUnit unit, Set<String> atoms) {

    public Area {
        atoms = Set.copyOf(atoms);
    }

    public String code() {
        return unit.code();
    }

    public String name() {
        return unit.name();
    }

    /** Whether a household recorded in {@code other} lies inside this area. */
    public boolean covers(Area other) {
        return atoms.containsAll(other.atoms);
    }

    public static String keyOf(AdministrativeUnit unit) {
        return unit.code() + "@" + unit.validFrom();
    }
}
