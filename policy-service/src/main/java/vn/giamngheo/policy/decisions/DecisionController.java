package vn.giamngheo.policy.decisions;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.security.HouseholdAccess;

@RestController
@RequestMapping("/api/v1/households")
class DecisionController {

    /** A decision and, for health insurance, its card: null, or {status, cardNumber, validFrom, validTo, reason}. */
    record DecisionView(BenefitDecision decision, java.util.Map<String, Object> card) {
    }

    private final AutomaticDecisions decisions;
    private final CardStates cards;
    private final HouseholdAccess areas;

    DecisionController(AutomaticDecisions decisions, CardStates cards, HouseholdAccess areas) {
        this.decisions = decisions;
        this.cards = cards;
        this.areas = areas;
    }

    /** The household's benefit decisions in this department's instance, active and revoked, with their reasons. */
    @GetMapping("/{householdId}/decisions")
    List<DecisionView> decisions(@PathVariable String householdId) {
        areas.check(householdId);
        List<BenefitDecision> held = decisions.ofHousehold(householdId);
        var shown = cards.of(held.stream().map(BenefitDecision::id).toList());
        return held.stream().map(d -> new DecisionView(d, shown.get(d.id()))).toList();
    }
}
