package vn.giamngheo.household.units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.AreaType;
import vn.giamngheo.platform.units.UnitCatalog;
import vn.giamngheo.platform.units.UnitType;
import vn.giamngheo.platform.web.ApiException;

@RestController
@RequestMapping("/api/v1/units")
class UnitController {

    /** A unit above another one on the same day. */
    record UnitRef(String code, String name) {

        static UnitRef of(AdministrativeUnit unit) {
            return new UnitRef(unit.code(), unit.name());
        }
    }

    /**
     * @param district the district it lay in (only before 2025-07-01); null for a district or a province
     * @param province the province it lay in; null for a province
     */
    record UnitView(String code, String name, UnitType type, UnitType.Level level, AreaType areaType,
            String parentCode, UnitRef district, UnitRef province, LocalDate validFrom, LocalDate validTo,
            List<String> successors) {
    }

    private final UnitCatalog catalog;
    private final Clock clock;

    UnitController(UnitCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * The units in force on {@code date} (today when omitted), each with the district and province it lay in then;
     * only those of {@code level} and inside unit {@code within} when given (e.g. the 148 communes of province 25 on
     * 2025-08-01, or the 479 units under Phú Thọ's, Vĩnh Phúc's and Hòa Bình's districts on 2025-06-30).
     */
    @GetMapping
    List<UnitView> inForce(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UnitType.Level level, @RequestParam(required = false) String within) {
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        if (within != null && catalog.find(within, day).isEmpty()) {
            throw ApiException.invalid("within", "no administrative unit with code " + within + " is in force on "
                    + day);
        }
        return catalog.inForceOn(day).stream()
                .filter(u -> level == null || u.type().level() == level)
                .map(u -> view(u, day))
                .filter(v -> within == null || within.equals(v.parentCode())
                        || (v.district() != null && within.equals(v.district().code()))
                        || (v.province() != null && within.equals(v.province().code())))
                .sorted(Comparator.comparing(UnitView::level).thenComparing(UnitView::code))
                .toList();
    }

    private UnitView view(AdministrativeUnit unit, LocalDate day) {
        UnitRef district = null;
        UnitRef province = null;
        Optional<AdministrativeUnit> above = parent(unit, day);
        while (above.isPresent()) {
            switch (above.get().type().level()) {
                case DISTRICT -> district = UnitRef.of(above.get());
                case PROVINCE -> province = UnitRef.of(above.get());
                case COMMUNE -> { }
            }
            above = parent(above.get(), day);
        }
        return new UnitView(unit.code(), unit.name(), unit.type(), unit.type().level(), unit.areaType().orElse(null),
                unit.parentCode(), district, province, unit.validFrom(), unit.validTo(), unit.successors());
    }

    private Optional<AdministrativeUnit> parent(AdministrativeUnit unit, LocalDate day) {
        return unit.parentCode() == null ? Optional.empty() : catalog.find(unit.parentCode(), day);
    }
}
