package vn.giamngheo.portal.review;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.giamngheo.portal.registry.Reasons;

/** household-service's reasons about a simulation, in Vietnamese. */
@Component
class SimulationReasons implements Reasons.Vocabulary {

    @Override
    public Map<String, String> reasons() {
        Map<String, String> known = new LinkedHashMap<>();
        known.put("(\\S+)'s middle-living band is provisional .*", "reason.simulation.bandRequired");
        known.put("lines are given only with the choice PROPOSED", "reason.simulation.linesOnlyProposed");
        known.put("a PROPOSED band gives its upper line for each area type", "reason.simulation.bothLines");
        known.put("must be above the poverty line of (\\d+) VND .*", "reason.simulation.abovePoverty");
        known.put("(\\S+) has no middle-living band to change.*", "reason.simulation.noBand");
        known.put("unknown standard '(.*)' .*", "reason.simulation.unknownStandard");
        known.put("no poverty standard is in force on (\\S+).*", "reason.simulation.noStandard");
        return known;
    }
}
