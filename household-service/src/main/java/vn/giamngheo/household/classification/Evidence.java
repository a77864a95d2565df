package vn.giamngheo.household.classification;

import java.util.List;

/** How deprivations are known: declared by the surveyor as indicator codes, or derived from surveyed facts. */
public sealed interface Evidence {

    record Declared(List<String> indicatorCodes) implements Evidence {
        public Declared {
            indicatorCodes = List.copyOf(indicatorCodes);
        }
    }

    record Surveyed(HouseholdFacts facts) implements Evidence {
    }
}
