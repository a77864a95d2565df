package vn.giamngheo.household.units;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.security.Caller;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.platform.web.ApiException;

/**
 * Area-based access: a ward officer or commune chairman acts only for the units in their token. A household recorded
 * under a unit that has since merged (Liên Bảo 08710) belongs to the unit that covers it today (Phường Vĩnh Phúc
 * 08716). The administrator, the Labour office and the platform act for the whole city.
 */
@Component
public class AreaGuard {

    private final UnitCatalog units;
    private final Clock clock;

    AreaGuard(UnitCatalog units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    /** A 403 unless the caller acts for {@code unitCode}. */
    public void check(String unitCode) {
        Caller caller = Caller.current();
        if (caller.actsFor(unitCode)) {
            return;
        }
        String today = units.coveringOn(unitCode, LocalDate.now(clock)).orElse(unitCode);
        if (!caller.actsFor(today)) {
            throw ApiException.forbidden("Unit " + unitCode + " is not among the units you act for "
                    + caller.units());
        }
    }

    /** A 403 for a list over the whole city asked by someone who acts for some units only. */
    public void checkCitywide(String what) {
        if (!Caller.current().citywide()) {
            throw ApiException.forbidden(what + ": name one of your units " + Caller.current().units());
        }
    }
}
