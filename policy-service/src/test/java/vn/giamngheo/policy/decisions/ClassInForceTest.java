package vn.giamngheo.policy.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.policy.catalog.PolicyCatalog;
import vn.giamngheo.policy.eligibility.EligibilityView;
import vn.giamngheo.policy.eligibility.EligibilityViews;

/**
 * The class a household's benefits follow on a day (issue 21): an annual review's decision signed in December takes
 * effect on 1 January, and until then the class it replaces still holds.
 */
class ClassInForceTest {

    /** Poor since 23 November 2026, near-poor by the annual decision of 10 December from 1 January 2027. */
    private static EligibilityView view() {
        return EligibilityViews.CODEC.decode(new Document("_id", "h").append("classification", "NEAR_POOR").append("classifiedSince", "2027-01-01")
                .append("escapedPovertyOn", "2026-12-10").append("unitCode", "08707").append("members", List.of())
                .append(EligibilityViews.PREVIOUS_CLASS, new Document("classification", "POOR")
                        .append("classifiedSince", "2026-11-23").append("escapedPovertyOn", null)));
    }

    @ParameterizedTest(name = "on {0}: {1}")
    @CsvSource(textBlock = """
            2026-11-23, POOR
            2026-12-31, POOR
            2027-01-01, NEAR_POOR
            2027-01-02, NEAR_POOR
            """)
    void theClassInForceOnADay(LocalDate on, String classification) {
        assertThat(AutomaticDecisions.facts(view(), on).classification()).isEqualTo(classification);
    }

    @ParameterizedTest(name = "after {0}: next day that matters {1}")
    @CsvSource(textBlock = """
            2026-12-10, 2027-01-01
            2026-12-31, 2027-01-01
            """)
    void aClassTakingEffectLaterIsADayThatMatters(LocalDate after, LocalDate next) {
        // No policy files: only the household's own days count here.
        LocalDate found = new AutomaticDecisions(null, null, null, PolicyCatalog.load(List.of(), Set.of()), null).nextDayThatMatters(view(), after);
        assertThat(found).isEqualTo(next);
    }
}
