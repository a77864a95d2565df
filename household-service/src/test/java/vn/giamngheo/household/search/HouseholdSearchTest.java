package vn.giamngheo.household.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import vn.giamngheo.household.registry.Household;
import vn.giamngheo.household.registry.HouseholdRegistry;
import vn.giamngheo.household.registry.HouseholdStatus;
import vn.giamngheo.household.registry.Households;
import vn.giamngheo.household.registry.Member;
import vn.giamngheo.household.registry.Relation;
import vn.giamngheo.household.registry.Sex;
import vn.giamngheo.platform.units.UnitCatalog;

/** Keeping the index in step with the store, repairing it, and the units a caller's search covers. */
class HouseholdSearchTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    private static final UnitCatalog UNITS = UnitCatalog.load(List.of(new ClassPathResource("units/phu-tho-2025.json"),
            new ClassPathResource("units/vinh-yen.json")));

    private final HouseholdIndex index = new HouseholdIndex(new ByteBuffersDirectory());
    private final HouseholdRegistry registry = mock(HouseholdRegistry.class);
    private final HouseholdSearch search = new HouseholdSearch(index, registry, UNITS,
            Clock.fixed(NOW, ZoneId.of("Asia/Ho_Chi_Minh")),
            new SearchProperties(SearchProperties.IN_MEMORY, Duration.ofSeconds(5), 100_000));

    @AfterEach
    void close() {
        index.close();
    }

    private static Household household(String id, String unit, LocalDate since, long version, String headName) {
        Member head = Member.joining(id + "-head", headName, LocalDate.parse("1968-03-14"), Sex.MALE, null,
                Relation.HEAD, since);
        return new Household(id, unit, "Tổ dân phố 1", List.of(head), NOW, version, HouseholdStatus.ACTIVE, null,
                since);
    }

    private List<String> find(String text, Set<String> callerUnits) {
        return search.search(new HouseholdSearch.Request(text, callerUnits, true, null, null, null, 0, 20)).items()
                .stream().map(HouseholdIndex.Hit::id).toList();
    }

    @Test
    void aFailedIndexUpdateNeverFailsTheWriteAndIsRepairedFromTheStore() {
        Household family = new Household("h1", "08707", "Tổ 1", Households.familyOfThree("p1", "p2", "p3"), NOW, 1,
                HouseholdStatus.ACTIVE, null, LocalDate.parse("2025-08-01"));
        when(registry.findAll(any())).thenThrow(new IllegalStateException("the store did not answer"))
                .thenReturn(Map.of("h1", family));

        search.written(List.of("h1"));

        assertThat(search.dirtyCount()).isEqualTo(1);
        assertThat(find("nguyen van an", null)).isEmpty();
        search.repair();
        assertThat(search.dirtyCount()).isZero();
        assertThat(find("nguyen van an", null)).containsExactly("h1");
        assertThat(find("026171005678", null)).containsExactly("h1");
    }

    @Test
    void aCallerOfSomeUnitsFindsTheHouseholdsItsUnitsCoverTodayAndNoOthers() {
        // Liên Bảo (08710) merged into Phường Vĩnh Phúc (08716) on 2025-07-01; Vầy Nưa (04891) was split between 04828
        // and the new 04891, so its 2024 households belong to neither until their successor is recorded.
        Household lienBao = household("lien-bao", "08710", LocalDate.parse("2024-03-01"), 1, "Vũ Văn Lâm");
        Household vinhYen = household("vinh-yen", "08707", LocalDate.parse("2025-08-01"), 1, "Vũ Văn Lực");
        Household vayNua = household("vay-nua", "04891", LocalDate.parse("2024-03-01"), 1, "Vũ Văn Long");
        Household tienPhong = household("tien-phong", "04891", LocalDate.parse("2025-09-01"), 1, "Vũ Văn Lộc");
        when(registry.findAll(any())).thenReturn(Map.of("lien-bao", lienBao, "vinh-yen", vinhYen, "vay-nua", vayNua,
                "tien-phong", tienPhong));
        search.written(List.of("lien-bao", "vinh-yen", "vay-nua", "tien-phong"));

        assertThat(find("vu van l", Set.of("08716"))).containsExactly("lien-bao");
        assertThat(find("vu van l", Set.of("08707"))).containsExactly("vinh-yen");
        assertThat(find("vu van l", Set.of("04891"))).containsExactly("tien-phong");
        assertThat(find("vu van l", Set.of("04828"))).isEmpty();
        assertThat(find("vu van l", Set.of())).isEmpty();
        assertThat(find("vu van l", null)).hasSize(4);
        // The unit filter reads the same way: 08716's households include Liên Bảo's; 08710 names them too.
        assertThat(search.search(new HouseholdSearch.Request("vu van l", null, true, "08716", null, null, 0, 20))
                .items()).extracting(HouseholdIndex.Hit::id).containsExactly("lien-bao");
        assertThat(search.search(new HouseholdSearch.Request("vu van l", null, true, "08710", null, null, 0, 20))
                .items()).extracting(HouseholdIndex.Hit::id).containsExactly("lien-bao");
    }

    @Test
    void anIndexThatDoesNotMatchTheStoreIsRebuiltFromIt() {
        Household one = household("one", "08707", LocalDate.parse("2025-08-01"), 3, "Lê Văn Tám");
        Household two = household("two", "08716", LocalDate.parse("2025-08-01"), 1, "Lê Thị Chín");
        when(registry.fingerprint()).thenReturn(new HouseholdRegistry.StoreFingerprint(2, 4));
        feed(one, two);

        assertThat(search.matchesStore()).isFalse();
        assertThat(search.rebuild()).isEqualTo(2);
        assertThat(search.matchesStore()).isTrue();
        assertThat(find("le", null)).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void householdsWrittenDuringARebuildEndWithTheirLatestVersion() {
        Household before = household("h", "08707", LocalDate.parse("2025-08-01"), 1, "Phan Văn Cũ");
        Household after = household("h", "08707", LocalDate.parse("2025-08-01"), 2, "Phan Văn Mới");
        when(registry.findAll(any())).thenReturn(Map.of("h", after));
        doAnswer(call -> {
            Consumer<Household> each = call.getArgument(0);
            each.accept(before);
            // A command changed the household while the rebuild was reading the store.
            search.written(List.of("h"));
            assertThat(search.isRebuilding()).isTrue();
            return null;
        }).when(registry).forEachHousehold(any());

        search.rebuild();

        assertThat(find("phan van moi", null)).containsExactly("h");
        assertThat(find("phan van cu", null)).isEmpty();
        assertThat(index.fingerprint()).isEqualTo(new HouseholdIndex.Fingerprint(1, 2));
    }

    @Test
    void searchesAreRefusedWhileTheIndexIsRebuilt() {
        doAnswer(call -> {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> find("le", null))
                    .isInstanceOf(SearchIndexRebuildingException.class);
            return null;
        }).when(registry).forEachHousehold(any());
        search.rebuild();
        assertThat(find("le", null)).isEmpty();
    }

    private void feed(Household... households) {
        doAnswer(call -> {
            Consumer<Household> each = call.getArgument(0);
            for (Household h : households) {
                each.accept(h);
            }
            return null;
        }).when(registry).forEachHousehold(any());
    }
}
