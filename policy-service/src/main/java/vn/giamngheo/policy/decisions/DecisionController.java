package vn.giamngheo.policy.decisions;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/households")
class DecisionController {

    private final AutomaticDecisions decisions;

    DecisionController(AutomaticDecisions decisions) {
        this.decisions = decisions;
    }

    /** The household's benefit decisions in this department's instance, active and revoked, with their reasons. */
    @GetMapping("/{householdId}/decisions")
    List<BenefitDecision> decisions(@PathVariable String householdId) {
        return decisions.ofHousehold(householdId);
    }
}
