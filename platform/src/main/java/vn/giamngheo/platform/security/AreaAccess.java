package vn.giamngheo.platform.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.platform.web.ApiException;

/**
 * Area-based access, the same in every service: an area-bound caller (a ward officer, a commune chairman, a department
 * officer of one commune) acts only for the units in its token; the administrator, the Labour office and the platform
 * act for all. A household recorded under a unit that has since merged (Liên Bảo 08710) belongs to the unit that
 * covers it today (Phường Vĩnh Phúc 08716). Services that hold a household only as a view of {@code household.events}
 * know its unit from that view; a household they have not seen is a 404 for everyone, so nobody learns more from the
 * answer than the registry would tell them.
 */
public class AreaAccess {

    private final UnitCatalog units;
    private final Clock clock;

    public AreaAccess(UnitCatalog units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    /** Whether the current caller acts for {@code unitCode}, or for the unit that covers it today. */
    public boolean mayActFor(String unitCode) {
        Caller caller = Caller.current();
        if (caller.citywide()) {
            return true;
        }
        if (unitCode == null || caller.units().isEmpty()) {
            return false;
        }
        if (caller.actsFor(unitCode)) {
            return true;
        }
        return units.coveringOn(unitCode, LocalDate.now(clock)).map(caller::actsFor).orElse(false);
    }

    /** A 403 unless the current caller acts for {@code unitCode}. */
    public void checkUnit(String unitCode) {
        if (!mayActFor(unitCode)) {
            throw ApiException.forbidden("Unit " + unitCode + " is not among the units you act for "
                    + Caller.current().units());
        }
    }

    /**
     * For a call about one household whose unit this service knows from its own records ({@code unitOf}: empty when it
     * has never seen the household; not asked for callers who act for every unit): a 404 when unknown, a 403 when it
     * lies outside the caller's units.
     */
    public void checkHousehold(String householdId, Supplier<Optional<String>> unitOf) {
        if (allUnits()) {
            return;
        }
        String unit = unitOf.get().orElseThrow(() -> ApiException.notFound("Household " + householdId));
        if (!mayActFor(unit)) {
            // Not which unit: that would tell a caller of another ward where the household lives.
            throw ApiException.forbidden("Household " + householdId + " is not in the units you act for "
                    + Caller.current().units());
        }
    }

    /**
     * For a list narrowed to one household ({@code householdId}, null for every household): the household's check, or
     * for all households a 403 to someone who acts for some units only.
     */
    public void checkListOf(String householdId, Supplier<Optional<String>> unitOf) {
        if (householdId == null) {
            checkAllUnits("householdId");
        } else {
            checkHousehold(householdId, unitOf);
        }
    }

    /** A 403 for a list over every unit asked by someone who acts for some units only. */
    public void checkAllUnits(String what) {
        if (!Caller.current().citywide()) {
            throw ApiException.forbidden(what + ": name one of your units or households " + Caller.current().units());
        }
    }

    /** Whether the current caller acts for every unit (no filtering needed). */
    public boolean allUnits() {
        return Caller.current().citywide();
    }
}
