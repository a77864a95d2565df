package vn.giamngheo.reporting.areas;

import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/areas")
class AreaController {

    record AreaSummary(String unitCode, long households) {
    }

    private final AreaProjection projection;

    AreaController(AreaProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/{unitCode}/summary")
    AreaSummary summary(@PathVariable @Pattern(regexp = "\\d{2,5}", message = "must be 2 to 5 digits") String unitCode) {
        return new AreaSummary(unitCode, projection.households(unitCode));
    }
}
