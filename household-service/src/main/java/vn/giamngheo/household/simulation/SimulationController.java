package vn.giamngheo.household.simulation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.household.classification.AssessmentException;
import vn.giamngheo.platform.web.ApiException;

/** What-if simulation of a standard on today's registry; changes nothing. */
@RestController
@RequestMapping("/api/v1/simulations")
class SimulationController {

    /** @param standard a standard's code; null for the one in force on {@code referenceDate} */
    record SimulationRequest(String standard, @NotNull LocalDate referenceDate) {
    }

    private final SimulationService simulations;

    SimulationController(SimulationService simulations) {
        this.simulations = simulations;
    }

    @PostMapping
    SimulationService.Result simulate(@Valid @RequestBody SimulationRequest request) {
        try {
            return simulations.simulate(request.standard(), request.referenceDate());
        } catch (AssessmentException e) {
            throw ApiException.invalid(e.field(), e.getMessage());
        }
    }
}
