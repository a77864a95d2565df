package vn.giamngheo.household.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.household.registry.FixedClock;
import vn.giamngheo.household.registry.Households;
import vn.giamngheo.household.registry.Sex;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;

/**
 * Find a household through the API (issue 22): names with or without diacritics, citizen ids, household ids, villages,
 * filters and paging, within the caller's units; the index follows the registry's commands. Every test names its
 * households with a word of its own, since the registry is shared by the whole test run.
 */
@ServiceIntegrationTest
@Import(FixedClock.class)
class HouseholdSearchIT {

    private static final Random RANDOM = new Random();

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + "/api/v1/households" + path;
    }

    /** A made-up given name no other household of the run has, with a mark to fold: "Khuêqzvx". */
    private static String word() {
        StringBuilder w = new StringBuilder("Khuê");
        for (int i = 0; i < 5; i++) {
            w.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return w.toString();
    }

    private static String member(String name, String born, String sex, String citizenId, String relation) {
        return """
                {"fullName":"%s","dateOfBirth":"%s","sex":"%s",%s"relationToHead":"%s"}""".formatted(name, born,
                sex, citizenId == null ? "" : "\"citizenId\":\"" + citizenId + "\",", relation);
    }

    private JsonNode register(String unit, String village, String... members) {
        return Http.post(url(""), """
                {"unitCode":"%s","village":"%s","members":[%s]}""".formatted(unit, village, String.join(",", members)))
                .expectStatus(201).json();
    }

    /** A household headed by {@code head} with a spouse {@code spouse}; the head's citizen id as given. */
    private JsonNode family(String unit, String village, String head, String headCitizenId, String spouse) {
        return register(unit, village, member(head, "1970-05-06", "MALE", headCitizenId, "HEAD"),
                member(spouse, "1972-01-02", "FEMALE", null, "SPOUSE"));
    }

    private JsonNode search(String query) {
        return Http.get(url("/search?" + query)).expectStatus(200).json();
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    @Test
    void aNameIsFoundWithOrWithoutDiacriticsAndByThePrefixOfItsLastWord() {
        String w = word();
        String plain = w.replace("ê", "e").toLowerCase();
        String id = family("08707", "Tổ dân phố 1", "Nguyễn " + w + " Ân", null, "Trần Thị Lụa").get("id").asString();

        for (String typed : List.of("Nguyễn " + w + " Ân", "nguyen " + plain + " an", "NGUYEN " + plain.toUpperCase()
                + " AN", "nguyen " + plain, plain + " a", "Nguyễn " + w + " Â")) {
            JsonNode page = search(q(typed));
            assertThat(ids(page)).as(typed).containsExactly(id);
            assertThat(page.get("total").asLong()).as(typed).isEqualTo(1);
        }
        JsonNode item = search(q("nguyen " + plain + " an")).get("items").get(0);
        assertThat(item.get("headName").asString()).isEqualTo("Nguyễn " + w + " Ân");
        assertThat(item.get("unitCode").asString()).isEqualTo("08707");
        assertThat(item.get("village").asString()).isEqualTo("Tổ dân phố 1");
        assertThat(item.get("activeMembers").asInt()).isEqualTo(2);
        assertThat(item.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(item.get("currentClass").isNull()).isTrue();
        // Another word after the name is another person.
        assertThat(search(q("nguyen " + plain + " binh")).get("total").asLong()).isZero();
    }

    @Test
    void theHeadRanksAboveAnotherMemberOfTheSameNameAndTiesGoByTheHeadsNameTheVietnameseWay() {
        String w = word();
        String asMember = family("08707", "Thôn 2", "Vũ Văn Bình", null, "Lê " + w + " Hà").get("id").asString();
        String asHead = family("08707", "Thôn 2", "Lê " + w + " Hà", null, "Phạm Thị Ngọc").get("id").asString();
        // Same match (the spouse's name), ordered by the head's given name: Bình (Vũ Văn) before Yến (Đào Thị).
        String yen = family("08707", "Thôn 2", "Đào Thị Yến", null, "Lê " + w + " Hà").get("id").asString();

        assertThat(ids(search(q("le " + w.toLowerCase() + " ha")))).containsExactly(asHead, asMember, yen);
    }

    @Test
    void aCitizenIdFindsTheHouseholdOfItsActiveHolderAndIsNeverShown() {
        String citizenId = Households.newCitizenId(Sex.MALE, LocalDate.parse("1970-05-06"));
        String id = family("08707", "Thôn 3", "Hoàng " + word() + " Sơn", citizenId, "Ngô Thị Mai").get("id")
                .asString();

        Http.Response found = Http.get(url("/search?q=" + citizenId)).expectStatus(200);
        assertThat(ids(found.json())).containsExactly(id);
        assertThat(found.body()).doesNotContain(citizenId);
        String another = citizenId.substring(0, 11) + (char) ('0' + (citizenId.charAt(11) - '0' + 1) % 10);
        assertThat(ids(search("q=" + another))).doesNotContain(id);
    }

    @Test
    void aHouseholdIdAndAVillageAreFoundToo() {
        String w = word();
        String village = "Thôn Đồng " + w;
        String first = family("08707", village, "Bùi Văn Toàn", null, "Lý Thị Hoa").get("id").asString();
        String second = family("08707", village, "Đặng Văn Quý", null, "Tạ Thị Hiền").get("id").asString();

        assertThat(ids(search(q(first)))).containsExactly(first);
        assertThat(ids(search(q("thon dong " + w.replace("ê", "e"))))).containsExactlyInAnyOrder(first, second);
        assertThat(ids(search(q("Đồng " + w)))).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void filtersPagesAndTotals() {
        String w = word();
        List<String> all = new ArrayList<>();
        for (String given : List.of("An", "Bảo", "Cường")) {
            all.add(family("08707", "Thôn 4", "Trịnh " + w + " " + given, null, "Lưu Thị Xuân").get("id")
                    .asString());
        }
        String name = "trinh " + w.toLowerCase();

        JsonNode first = search(q(name) + "&size=2");
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        JsonNode second = search(q(name) + "&size=2&page=1");
        assertThat(second.get("page").asInt()).isEqualTo(1);
        List<String> paged = new ArrayList<>(ids(first));
        paged.addAll(ids(second));
        assertThat(paged).containsExactlyElementsOf(all);   // An, Bảo, Cường: by given name

        assertThat(search(q(name) + "&unitCode=08707").get("total").asLong()).isEqualTo(3);
        assertThat(search(q(name) + "&unitCode=08716").get("total").asLong()).isZero();
        assertThat(search(q(name) + "&class=POOR").get("total").asLong()).isZero();

        Http.post(url("/" + all.get(0) + "/move-away"), "{\"reason\":\"MOVED_AWAY\"}").expectStatus(200);
        assertThat(ids(search(q(name) + "&status=ACTIVE"))).containsExactly(all.get(1), all.get(2));
        JsonNode removed = search(q(name) + "&status=REMOVED");
        assertThat(ids(removed)).containsExactly(all.get(0));
        assertThat(removed.get("items").get(0).get("headName").isNull()).isTrue();
    }

    @Test
    void aWardOfficerOnlyEverFindsTheHouseholdsOfItsWard() {
        String w = word();
        String mine = family("08707", "Tổ 5", "Kim " + w + " Long", null, "Mai Thị Thu").get("id").asString();
        String theirs = family("08716", "Tổ 5", "Kim " + w + " Lâm", null, "Mai Thị Thoa").get("id").asString();
        String officer = TestTokens.role("WARD_OFFICER", "08707");
        String name = "kim " + w.toLowerCase();

        JsonNode page = Http.as(officer, () -> search(q(name)));
        assertThat(ids(page)).containsExactly(mine);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(Http.as(officer, () -> search(q(theirs))).get("total").asLong()).isZero();
        Http.Response refused = Http.as(officer, () -> Http.get(url("/search?" + q(name) + "&unitCode=08716")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(theirs).doesNotContain("Lâm");
        // The administrator sees both.
        assertThat(ids(search(q(name)))).containsExactlyInAnyOrder(mine, theirs);
        // A role that may not read the registry.
        assertThat(Http.status(TestTokens.role("STEERING_VIEWER"), "GET", url("/search?" + q(name)), null))
                .isEqualTo(403);
    }

    @Test
    void theIndexFollowsRegistrationMovesSplitsCorrectionsAndMerges() {
        String w = word();
        String plain = w.toLowerCase().replace("ê", "e");
        JsonNode from = register("08707", "Thôn 6", member("Cao Văn Đức", "1960-01-01", "MALE", null, "HEAD"),
                member("Cao " + w + " Nhi", "1990-01-01", "FEMALE", null, "CHILD"),
                member("Cao " + w + " Tâm", "1992-01-01", "MALE", null, "CHILD"));
        String fromId = from.get("id").asString();
        String to = family("08707", "Thôn 6", "Đinh Văn Hưng", null, "Đinh Thị Lan").get("id").asString();
        assertThat(ids(search(q("cao " + plain + " nhi")))).containsExactly(fromId);

        String nhi = from.get("members").get(1).get("personId").asString();
        Http.post(url("/" + fromId + "/members/" + nhi + "/move"), "{\"toHouseholdId\":\"" + to
                + "\",\"relationToHead\":\"OTHER\"}").expectStatus(200);
        assertThat(ids(search(q("cao " + plain + " nhi")))).containsExactly(to);

        String tam = from.get("members").get(2).get("personId").asString();
        String founded = Http.post(url("/" + fromId + "/split"), "{\"personIds\":[\"" + tam + "\"],"
                + "\"newHeadPersonId\":\"" + tam + "\",\"village\":\"Thôn 7\"}").expectStatus(201).json().get("id")
                .asString();
        JsonNode split = search(q("cao " + plain + " tam"));
        assertThat(ids(split)).containsExactly(founded);
        assertThat(split.get("items").get(0).get("headName").asString()).isEqualTo("Cao " + w + " Tâm");
        assertThat(split.get("items").get(0).get("village").asString()).isEqualTo("Thôn 7");

        String head = from.get("members").get(0).get("personId").asString();
        Http.post(url("/" + fromId + "/members/" + head + "/correction"), "{\"fullName\":\"Cao " + w + " Đạt\","
                + "\"reason\":\"Sai tên trên giấy khai sinh\"}").expectStatus(200);
        assertThat(ids(search(q("cao " + plain + " dat")))).containsExactly(fromId);

        Http.post(url("/" + fromId + "/merge"), "{\"absorbedHouseholdId\":\"" + founded + "\"}").expectStatus(200);
        assertThat(ids(search(q("cao " + plain + " tam") + "&status=ACTIVE"))).containsExactly(fromId);
        assertThat(ids(search(q(founded)))).containsExactly(founded);
        assertThat(search(q(founded)).get("items").get(0).get("status").asString()).isEqualTo("REMOVED");
    }

    @Test
    void onlyTheAdministratorRebuildsTheIndexWhichThenFindsTheSame() {
        String w = word();
        String id = family("08707", "Thôn 8", "Quách " + w + " Phong", null, "Hà Thị Vân").get("id").asString();
        String rebuild = url("/search/rebuild");
        assertThat(Http.status(TestTokens.role("WARD_OFFICER", "08707"), "POST", rebuild, "{}")).isEqualTo(403);
        assertThat(Http.status(TestTokens.role("LABOUR_OFFICER", "*"), "POST", rebuild, "{}")).isEqualTo(403);
        assertThat(Http.status(TestTokens.role("COMMUNE_CHAIRMAN", "08707"), "POST", rebuild, "{}")).isEqualTo(403);

        JsonNode rebuilt = Http.post(rebuild, "{}").expectStatus(200).json();
        assertThat(rebuilt.get("households").asLong()).isPositive();
        assertThat(ids(search(q("quach " + w.toLowerCase())))).containsExactly(id);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        for (String[] bad : new String[][] {{"size=0", "size"}, {"size=101", "size"}, {"page=-1", "page"},
                {"size=abc", "size"}, {"class=RICH", "class"}, {"status=GONE", "status"}, {"unitCode=8707", "unitCode"},
                {"q=" + "a".repeat(101), "q"}, {"q=Nguy%01n", "q"}, {"q=Nguy%E2%80%8Ben", "q"},
                {"q=Nguyen%09An", "q"}, {"page=9999&size=100", "page"}}) {
            Http.Response response = Http.get(url("/search?" + bad[0]));
            assertThat(response.status()).as(bad[0]).isEqualTo(400);
            assertThat(response.contentType()).as(bad[0]).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
    }
}
