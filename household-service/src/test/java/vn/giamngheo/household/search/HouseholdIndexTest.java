package vn.giamngheo.household.search;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.contracts.household.HouseholdClass.NEAR_POOR;
import static vn.giamngheo.contracts.household.HouseholdClass.POOR;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.registry.HouseholdStatus;

/** The index on its own, in memory: how a search is understood, filtered, ranked and paged. */
class HouseholdIndexTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");
    private static final String VINH_YEN = HouseholdIndex.unitKey("08707", LocalDate.parse("2025-07-01"));
    private static final String VINH_PHUC = HouseholdIndex.unitKey("08716", LocalDate.parse("2025-07-01"));

    private final HouseholdIndex index = new HouseholdIndex(new ByteBuffersDirectory());

    @AfterEach
    void close() {
        index.close();
    }

    private static HouseholdIndex.Entry household(String id, String unitKey, String village, String head,
            String... others) {
        List<String> names = new java.util.ArrayList<>(List.of(head));
        names.addAll(List.of(others));
        return new HouseholdIndex.Entry(id, unitKey.substring(0, 5), unitKey, village, head, names, List.of(),
                HouseholdStatus.ACTIVE, null, null, null, names.size(), 1);
    }

    private static HouseholdIndex.Entry classed(String id, HouseholdClass latest, LocalDate from,
            HouseholdClass before) {
        return new HouseholdIndex.Entry(id, "08707", VINH_YEN, "Thôn 1", "Hộ " + id, List.of("Hộ " + id), List.of(),
                HouseholdStatus.ACTIVE, latest, from, before, 1, 2);
    }

    private void put(HouseholdIndex.Entry... entries) {
        index.put(List.of(entries));
        index.refresh();
    }

    private List<String> ids(String text) {
        return ids(find(text, null, null, null, 0, 20));
    }

    private HouseholdIndex.Result find(String text, Set<String> area, String unitCode, HouseholdClass c, int page,
            int size) {
        return index.search(new HouseholdIndex.Search(text, true, area, unitCode,
                unitCode == null ? null : Set.of(unitCode.equals("08707") ? VINH_YEN : VINH_PHUC), c, null, TODAY,
                page, size));
    }

    private static List<String> ids(HouseholdIndex.Result result) {
        return result.items().stream().map(HouseholdIndex.Hit::id).toList();
    }

    @Test
    void aNameIsMatchedWordByWordWithinOnePersonTheLastWordAPrefix() {
        put(household("an", VINH_YEN, "Thôn 1", "Nguyễn Văn An", "Trần Thị Bình"),
                household("anh", VINH_YEN, "Thôn 1", "Nguyễn Văn Anh"),
                household("split-names", VINH_YEN, "Thôn 1", "Nguyễn Thị Hoa", "Lê Văn An"));

        assertThat(ids("nguyen van an")).containsExactly("an", "anh");
        assertThat(ids("Nguyễn Văn Anh")).containsExactly("anh");
        assertThat(ids("nguyen van")).containsExactlyInAnyOrder("an", "anh");
        assertThat(ids("van an")).containsExactly("an", "anh", "split-names");
        assertThat(ids("nguyen an")).containsExactly("an", "anh");
        // "Nguyễn" of one member and "An" of another are not one person.
        assertThat(ids("nguyen thi an")).isEmpty();
        assertThat(ids("tran thi binh")).containsExactly("an");
    }

    @Test
    void anExactNameRanksAboveAPrefixAndTheHeadAboveAnotherMember() {
        put(household("member", VINH_YEN, "Thôn 1", "Phạm Văn Cường", "Nguyễn Văn An"),
                household("prefix", VINH_YEN, "Thôn 1", "Nguyễn Văn Anh"),
                household("head", VINH_YEN, "Thôn 1", "Nguyễn Văn An"));

        assertThat(ids("nguyen van an")).containsExactly("head", "prefix", "member");
    }

    @Test
    void equalMatchesAreOrderedByTheHeadsNameTheVietnameseWay() {
        put(household("d", VINH_YEN, "Thôn Đông", "Bùi Văn Đức"), household("a", VINH_YEN, "Thôn Đông", "Trần Thị Ánh"),
                household("b", VINH_YEN, "Thôn Đông", "Lê Văn Bình"), household("a2", VINH_YEN, "Thôn Đông", "Lê Thị Anh"));

        assertThat(ids("thon dong")).containsExactly("a2", "a", "b", "d");
        assertThat(ids("")).containsExactly("a2", "a", "b", "d");
    }

    @Test
    void citizenIdsAndHouseholdIdsMatchExactlyOnly() {
        HouseholdIndex.Entry withId = new HouseholdIndex.Entry("5f0c1d2e-aaaa-bbbb-cccc-123456789abc", "08707",
                VINH_YEN, "Thôn 1", "Ngô Văn Tư", List.of("Ngô Văn Tư", "Ngô Thị Năm"), List.of("026068001234",
                "026171005678"), HouseholdStatus.ACTIVE, null, null, null, 2, 1);
        put(withId, household("other", VINH_YEN, "Thôn 1", "Ngô Văn Tư"));

        assertThat(ids("026171005678")).containsExactly(withId.id());
        assertThat(ids("02617100567")).isEmpty();
        assertThat(ids("5F0C1D2E-AAAA-BBBB-CCCC-123456789ABC")).containsExactly(withId.id());
        assertThat(ids("5f0c1d2e")).isEmpty();
        // Without the right to see people, a citizen id finds nothing (the id still does).
        assertThat(index.search(new HouseholdIndex.Search("026171005678", false, null, null, null, null, null, TODAY,
                0, 20)).total()).isZero();
        assertThat(index.search(new HouseholdIndex.Search("ngo van tu", false, null, null, null, null, null, TODAY,
                0, 20)).total()).isZero();
    }

    @Test
    void theCallersUnitsAndTheUnitFilterBoundTheResultsAndTheirTotal() {
        put(household("yen-1", VINH_YEN, "Tổ 1", "Đinh Văn Lâm"), household("yen-2", VINH_YEN, "Tổ 2", "Đinh Văn Lộc"),
                household("phuc", VINH_PHUC, "Tổ 1", "Đinh Văn Long"));

        HouseholdIndex.Result officer = find("dinh van l", Set.of(VINH_YEN), null, null, 0, 1);
        assertThat(officer.total()).isEqualTo(2);
        assertThat(ids(officer)).hasSize(1);
        assertThat(ids(find("dinh van l", Set.of(), null, null, 0, 20))).isEmpty();
        assertThat(ids(find("dinh van l", null, "08716", null, 0, 20))).containsExactly("phuc");
        assertThat(ids(find("dinh van l", Set.of(VINH_YEN), "08716", null, 0, 20))).isEmpty();
    }

    @Test
    void theClassFilterAndTheClassShownAreTheClassInForceToday() {
        put(classed("poor-since-2025", POOR, LocalDate.parse("2025-01-01"), null),
                classed("poor-from-january", POOR, LocalDate.parse("2027-01-01"), NEAR_POOR),
                classed("near-poor-now", NEAR_POOR, LocalDate.parse("2026-06-01"), POOR),
                classed("unclassified", null, null, null));

        assertThat(ids(find("", null, null, POOR, 0, 20))).containsExactlyInAnyOrder("poor-since-2025");
        assertThat(ids(find("", null, null, NEAR_POOR, 0, 20)))
                .containsExactlyInAnyOrder("poor-from-january", "near-poor-now");
        HouseholdIndex.Hit pending = find("", null, null, NEAR_POOR, 0, 20).items().stream()
                .filter(h -> h.id().equals("poor-from-january")).findFirst().orElseThrow();
        assertThat(pending.currentClass()).isEqualTo(NEAR_POOR);
    }

    @Test
    void pagesCoverEveryResultOnceAndReplacingADocumentKeepsOne() {
        for (int i = 0; i < 25; i++) {
            put(household("h" + i, VINH_YEN, "Thôn 9", "Hồ Văn " + (char) ('A' + i)));
        }
        List<String> seen = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            HouseholdIndex.Result result = find("thon 9", null, null, null, page, 10);
            assertThat(result.total()).isEqualTo(25);
            seen.addAll(ids(result));
        }
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();

        put(household("h0", VINH_YEN, "Thôn 10", "Hồ Văn A"));
        assertThat(find("thon 9", null, null, null, 0, 10).total()).isEqualTo(24);
        assertThat(index.fingerprint()).isEqualTo(new HouseholdIndex.Fingerprint(25, 25));
    }
}
