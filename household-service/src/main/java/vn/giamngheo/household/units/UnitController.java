package vn.giamngheo.household.units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.AreaType;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.platform.units.UnitType;

@RestController
@RequestMapping("/api/v1/units")
class UnitController {

    record UnitView(String code, String name, UnitType type, AreaType areaType, String parentCode,
            LocalDate validFrom, LocalDate validTo, List<String> successors) {

        static UnitView of(AdministrativeUnit unit) {
            return new UnitView(unit.code(), unit.name(), unit.type(), unit.areaType().orElse(null),
                    unit.parentCode(), unit.validFrom(), unit.validTo(), unit.successors());
        }
    }

    private final UnitCatalog catalog;
    private final Clock clock;

    UnitController(UnitCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The units in force on {@code date} (today when omitted). */
    @GetMapping
    List<UnitView> inForce(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return catalog.inForceOn(date == null ? LocalDate.now(clock) : date).stream().map(UnitView::of).toList();
    }
}
