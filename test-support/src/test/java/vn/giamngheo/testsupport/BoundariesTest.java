package vn.giamngheo.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules every service's boundary test applies, on fixture packages with and without a cycle. */
class BoundariesTest {

    private static Boundaries over(String base) {
        return Boundaries.of(base, new ClassFileImporter().importPackages(base));
    }

    @Test
    void aRingOfTwoPackagesFailsNamingBothAndTheDependencies() {
        assertThatThrownBy(() -> over("vn.giamngheo.testsupport.boundaries.ring").assertNoCycles())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected: vn.giamngheo.testsupport.boundaries.ring.one")
                .hasMessageContaining("vn.giamngheo.testsupport.boundaries.ring.two")
                .hasMessageContaining("First.next");
    }

    @Test
    void dependenciesOneWayPass() {
        assertThatCode(() -> over("vn.giamngheo.testsupport.boundaries.layered").assertNoCycles())
                .doesNotThrowAnyException();
    }

    @Test
    void aDomainClassWithAFrameworkTypeFailsNamingIt() {
        Boundaries layered = over("vn.giamngheo.testsupport.boundaries.layered");
        assertThatCode(() -> layered.assertDomainFreeOfFrameworks("low.Amount", "high.Payment"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> layered.assertDomainFreeOfFrameworks("high"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PaymentDocument")
                .hasMessageContaining("org.bson.Document");
        assertThatThrownBy(() -> layered.assertDomainFreeOfFrameworks("low"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.springframework.core.io.Resource");
    }

    @Test
    void aDomainEntryThatNamesNothingIsRejected() {
        assertThatThrownBy(() -> over("vn.giamngheo.testsupport.boundaries.layered")
                .assertDomainFreeOfFrameworks("low.Amont"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low.Amont");
    }
}
