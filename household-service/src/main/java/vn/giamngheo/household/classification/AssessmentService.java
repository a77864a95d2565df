package vn.giamngheo.household.classification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;
import vn.giamngheo.platform.units.AdministrativeUnit;
import vn.giamngheo.platform.units.AreaType;
import vn.giamngheo.platform.units.UnitCatalog;

/** Picks the standard and the area type for a reference date, then classifies. Stores nothing. */
@Service
public class AssessmentService {

    /**
     * @param unitCode     the household's commune-level unit; its version on the reference date gives the area type
     * @param areaType     instead of a unit
     * @param standardCode a named standard ("simulate the 2027 standard"); null for the one in force
     */
    public record Evaluate(LocalDate referenceDate, String unitCode, AreaType areaType, String standardCode,
            Income income, Evidence evidence) {
    }

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final StandardCatalog standards;
    private final UnitCatalog units;
    private final Classifier classifier;

    AssessmentService(StandardCatalog standards, UnitCatalog units, Classifier classifier) {
        this.standards = standards;
        this.units = units;
        this.classifier = classifier;
    }

    public Classification evaluate(Evaluate request) {
        LocalDate date = request.referenceDate();
        PovertyStandard standard = standard(request.standardCode(), date);
        if ((request.unitCode() == null) == (request.areaType() == null)) {
            throw new AssessmentException("unitCode", "give either unitCode or areaType, not both or neither");
        }
        AreaType area = request.areaType();
        String areaSource = null;
        if (request.unitCode() != null) {
            AdministrativeUnit unit = units.find(request.unitCode(), date).orElseThrow(() -> new AssessmentException(
                    "unitCode", "no administrative unit with code " + request.unitCode() + " is in force on " + date));
            area = unit.areaType().orElseThrow(() -> new AssessmentException("unitCode", request.unitCode() + " ("
                    + unit.name() + ") is not a commune-level unit (xã, phường, thị trấn, đặc khu)"));
            areaSource = unit.name() + " (" + unit.code() + ") ngày " + VN_DATE.format(date);
        }
        return classifier.classify(standard, area, areaSource, request.income(), request.evidence(), date);
    }

    public PovertyStandard standard(String code, LocalDate date) {
        if (code != null) {
            return standards.byCode(code).orElseThrow(() -> new AssessmentException("standard", "unknown standard '"
                    + code + "' (known: " + String.join(", ", standards.all().stream().map(PovertyStandard::code)
                            .toList()) + ")"));
        }
        return standards.inForceOn(date).orElseThrow(() -> new AssessmentException("referenceDate",
                "no poverty standard is in force on " + date + " (standards cover " + coverage() + ")"));
    }

    public java.util.List<PovertyStandard> standards() {
        return standards.all();
    }

    private String coverage() {
        var all = standards.all();
        var last = all.getLast();
        return all.getFirst().effectiveFrom() + " to " + (last.effectiveTo() == null ? "today" : last.effectiveTo());
    }
}
