package vn.giamngheo.household.simulation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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

    /**
     * @param standard   a standard's code; null for the one in force on {@code referenceDate}
     * @param middleBand the middle-living band to apply: required when the standard's band is provisional (2027–2030)
     */
    record SimulationRequest(String standard, @NotNull LocalDate referenceDate, @Valid MiddleBandRequest middleBand) {
    }

    /** @param ruralVnd, urbanVnd only with PROPOSED: the band's upper lines, VND per person per month */
    record MiddleBandRequest(@NotNull SimulationService.BandChoice choice, @Positive Long ruralVnd,
            @Positive Long urbanVnd) {
    }

    private final SimulationService simulations;

    SimulationController(SimulationService simulations) {
        this.simulations = simulations;
    }

    @PostMapping
    SimulationService.Result simulate(@Valid @RequestBody SimulationRequest request) {
        try {
            MiddleBandRequest band = request.middleBand();
            return simulations.simulate(request.standard(), request.referenceDate(), band == null ? null
                    : new SimulationService.MiddleBand(band.choice(), band.ruralVnd(), band.urbanVnd()));
        } catch (AssessmentException e) {
            throw ApiException.invalid(e.field(), e.getMessage());
        }
    }
}
