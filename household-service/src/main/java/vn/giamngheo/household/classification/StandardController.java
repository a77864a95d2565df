package vn.giamngheo.household.classification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.units.AreaType;
import vn.giamngheo.platform.web.ApiException;

@RestController
@RequestMapping("/api/v1/standards")
class StandardController {

    record IndicatorView(String code, String dimension, String nameVi, String nameEn, String legalReference,
            boolean provisional, String deprivedWhen, String reason) {
    }

    record ClassRuleView(HouseholdClass householdClass, String when, String explanation) {
    }

    record StandardView(String code, String name, String legalBasis, LocalDate effectiveFrom, LocalDate effectiveTo,
            boolean provisional, Map<String, Map<AreaType, Long>> incomeLines, Map<String, String> provisionalLines,
            List<ClassRuleView> classes, List<IndicatorView> indicators) {

        static StandardView of(PovertyStandard s) {
            return new StandardView(s.code(), s.name(), s.legalBasis(), s.effectiveFrom(), s.effectiveTo(),
                    s.provisional(), s.incomeLines(), s.provisionalLines(),
                    s.classes().stream().map(r -> new ClassRuleView(r.householdClass(), r.when().expression(),
                            r.explanation())).toList(),
                    s.indicators().stream().map(i -> new IndicatorView(i.code(), i.dimension(), i.nameVi(),
                            i.nameEn(), i.legalReference(), i.provisional(), i.deprivedWhen().expression(),
                            i.reason())).toList());
        }
    }

    private final StandardCatalog standards;

    StandardController(StandardCatalog standards) {
        this.standards = standards;
    }

    /** Every standard, or with {@code date} the one in force on that date. */
    @GetMapping
    List<StandardView> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        if (date == null) {
            return standards.all().stream().map(StandardView::of).toList();
        }
        return List.of(standards.inForceOn(date).map(StandardView::of).orElseThrow(() ->
                ApiException.invalid("date", "no poverty standard is in force on " + date)));
    }
}
