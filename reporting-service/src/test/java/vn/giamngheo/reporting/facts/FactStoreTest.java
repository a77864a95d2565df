package vn.giamngheo.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.messaging.Outcome;
import vn.giamngheo.reporting.EmbeddedMongo;
import vn.giamngheo.reporting.facts.FactStore.Entry;
import vn.giamngheo.reporting.facts.FactStore.Facts;
import vn.giamngheo.reporting.facts.FactStore.Kind;

/** A fact is recorded; what it answers is what is stored; a repeated sequence changes nothing. */
class FactStoreTest {

    @RegisterExtension
    final EmbeddedMongo mongo = new EmbeddedMongo();
    private final FactStore store = new FactStore(mongo.aggregates(), mongo.database(), "");

    /** The aggregate as stored after recording one fact; empty when its sequence was recorded before. */
    private Optional<Facts> record(Kind kind, String id, String householdId, long sequence, Fact fact) {
        FactStore.Recorded recorded = store.recordAll(List.of(new Entry(kind, id, householdId, sequence, fact)));
        assertThat(recorded.outcomes()).hasSize(1);
        if (recorded.outcomes().getFirst() == Outcome.DUPLICATE) {
            return Optional.empty();
        }
        assertThat(recorded.changed()).singleElement().extracting(FactStore.Stored::kind).isEqualTo(kind);
        return Optional.of(recorded.changed().getFirst().facts());
    }

    private List<Facts> stored(Kind kind) {
        List<Facts> all = new ArrayList<>();
        store.forEach(kind, all::add);
        return all;
    }

    @Test
    void theAnsweredDocumentIsTheStoredOneAfterEachFactInAnyOrder() {
        Facts first = record(Kind.HOUSEHOLD, "H1", "H1", 2, new Fact.Assessed(LocalDate.parse("2026-10-15"),
                "08707", HouseholdClass.POOR, List.of("HEALTH_INSURANCE")))
                .orElseThrow();
        assertThat(stored(Kind.HOUSEHOLD)).containsExactly(first);

        Facts second = record(Kind.HOUSEHOLD, "H1", "H1", 1, new Fact.Registered(LocalDate.parse("2021-12-01"),
                "08707", List.of())).orElseThrow();

        assertThat(stored(Kind.HOUSEHOLD)).containsExactly(second);
        assertThat(second.bySequence()).containsOnlyKeys(1L, 2L);
        assertThat(second.householdId()).isEqualTo("H1");
    }

    @Test
    void aRepeatedSequenceIsADuplicateAndTheFirstFactStays() {
        LocalDate validTo = LocalDate.parse("2027-12-31");
        record(Kind.CARD, "R1", "H1", 3, new Fact.Issued(LocalDate.parse("2026-12-01"), "P1", "B1", validTo))
                .orElseThrow();

        assertThat(record(Kind.CARD, "R1", "H1", 3, new Fact.Issued(LocalDate.parse("2026-12-01"), "P1", "B1",
                validTo))).isEmpty();
        assertThat(record(Kind.CARD, "R1", "H1", 3, new Fact.Issued(LocalDate.parse("2026-12-04"), "P1", "B1",
                validTo))).isEmpty();

        assertThat(stored(Kind.CARD)).singleElement().satisfies(facts -> assertThat(
                facts.bySequence().get(3L).on()).isEqualTo(LocalDate.parse("2026-12-01")));
    }
}
