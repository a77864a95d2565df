package vn.giamngheo.platform.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.giamngheo.platform.units.Coverage;
import vn.giamngheo.platform.units.SuccessorChoiceRequiredException;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.platform.web.ApiException;

/**
 * Area-based access, the same in every service: an area-bound caller (a commune or ward officer, a commune chairman, a
 * department officer of one commune) acts only for the units in its token; the administrator, the province's Sở NN&MT
 * and the platform act for all. A household recorded under a unit that has since merged (Liên Bảo 08710) belongs to the unit that
 * covers it today (Phường Vĩnh Phúc 08716). A household recorded in a unit that was later split (Xã Vầy Nưa, 04891)
 * belongs to no successor until its own successor is recorded: an officer of one of the successors is answered 422,
 * naming them, rather than let in or out on a guess. Services that hold a household only as a view of
 * {@code household.events} know its unit from that view; a household they have not seen is a 404 for everyone, so
 * nobody learns more from the answer than the registry would tell them.
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

    /** A 403 unless the current caller acts for at least one of {@code unitCodes} (the successors of a split unit). */
    public void checkAnyUnit(List<String> unitCodes) {
        if (unitCodes.stream().noneMatch(this::mayActFor)) {
            throw ApiException.forbidden("None of the units " + unitCodes + " is among the units you act for "
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
        checkHousehold(householdId, unit, null);
    }

    /**
     * For a household recorded under {@code unitCode} on {@code recordedOn} (the day that says which unit the code
     * meant; null when the service does not know it): a 403 when the unit that covers it today is not among the
     * caller's, a 422 naming the successors when it was split and the caller acts for one of them.
     */
    public void checkHousehold(String householdId, String unitCode, LocalDate recordedOn) {
        Caller caller = Caller.current();
        if (caller.citywide()) {
            return;
        }
        Coverage coverage = units.coverage(unitCode, recordedOn, LocalDate.now(clock));
        if (coverage instanceof Coverage.Split split && split.successorCodes().stream().anyMatch(caller::actsFor)) {
            throw new SuccessorChoiceRequiredException(householdId, split);
        }
        boolean allowed = coverage.covering().map(caller::actsFor).orElse(false)
                || (recordedOn == null && caller.actsFor(unitCode));
        if (!allowed) {
            // Not which unit: that would tell a caller of another ward where the household lives.
            throw ApiException.forbidden("Household " + householdId + " is not in the units you act for "
                    + caller.units());
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
