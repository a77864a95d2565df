package vn.giamngheo.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TestTokens;
import vn.giamngheo.testsupport.TopicProbe;

/**
 * The registry-wide Excel import through HTTP (issue 22): a ward officer downloads the template, fills it in and
 * uploads it; a file with one bad row registers nothing and says where; the fixed file registers every household.
 */
@ServiceIntegrationTest
@Import(FixedClock.class)
class HouseholdImportIT {

    private static final String OFFICER = "can-bo-08707@test";
    private static final String WARD_OFFICER = TestTokens.of(OFFICER, List.of("WARD_OFFICER"), List.of("08707"), null);

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Http.Response upload(byte[] file) {
        return Http.as(WARD_OFFICER, () -> Http.upload(url("/api/v1/households/import-upload"), "file", "danh-sach.xlsx",
                file));
    }

    private long stored(String collection) {
        return database.getCollection(collection).countDocuments();
    }

    private Map<String, Long> state() {
        return Map.of("households", stored("households"), "citizen_ids", stored("citizen_ids"),
                "privacy_notices", stored("privacy_notices"), "household_imports", stored("household_imports"));
    }

    @Test
    void aFileWithOneBadRowRegistersNothingAndTheFixedFileRegistersEveryHouseholdOnce() {
        byte[] template = Http.as(WARD_OFFICER, () -> Http.download(url("/api/v1/households/import-template")));
        ImportFiles rows = ImportFiles.file().familyOfThree(1, "08707").familyOfThree(2, "08707");
        rows.rows().getFirst().putAll(Map.of("NOTICE_VERSION", "TB-2026-01", "NOTICE_GIVEN_ON", "20/11/2026",
                "NOTICE_METHOD", "Giấy", "NOTICE_CONSENT", "Có"));
        rows.rows().get(4).put("DATE_OF_BIRTH", "31/02/1971"); // household 2's wife, row 7
        Map<String, Long> before = state();

        Http.Response rejected = upload(rows.build(template));

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        JsonNode report = rejected.json();
        assertThat(report.get("registered").asInt()).isZero();
        assertThat(report.get("rejected").asInt()).as(rejected.body()).isEqualTo(1);
        JsonNode problem = report.get("problems").get(0);
        assertThat(report.get("problems")).hasSize(1);
        assertThat(problem.get("row").asInt()).isEqualTo(7);
        assertThat(problem.get("column").asString()).isEqualTo("Ngày sinh (dd/MM/yyyy)");
        assertThat(problem.get("field").asString()).isEqualTo("members[1].dateOfBirth");
        assertThat(problem.get("reason").asString()).contains("«31/02/1971»");
        assertThat(report.get("errors").findValuesAsString("field")).containsExactly("rows[7].members[1].dateOfBirth");
        assertThat(state()).as("nothing stored, no citizen id claimed").isEqualTo(before);

        rows.rows().get(4).put("DATE_OF_BIRTH", "02/09/1971");
        byte[] fixed = rows.build(template);
        Http.Response accepted = upload(fixed);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode done = accepted.json();
        assertThat(done.get("registered").asInt()).isEqualTo(2);
        assertThat(done.get("alreadyRegistered").asInt()).isZero();
        assertThat(done.get("rejected").asInt()).isZero();
        assertThat(done.get("problems")).isEmpty();
        List<String> ids = done.get("households").findValuesAsString("id");
        assertThat(done.get("households").findValuesAsString("firstRow")).containsExactly("3", "6");
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        for (String id : ids) {
            JsonNode household = Http.get(url("/api/v1/households/" + id)).json();
            assertThat(household.get("unitCode").asString()).isEqualTo("08707");
            assertThat(household.get("members").findValuesAsString("fullName")).containsExactly("Nguyễn Văn An",
                    "Trần Thị Bình", "Nguyễn Thị Chi");
            assertThat(TopicProbe.header(TopicProbe.await(Topics.HOUSEHOLD_EVENTS, TopicProbe.key(id), 1,
                    Duration.ofSeconds(20)).getFirst(), CloudEventHeaders.TYPE))
                    .isEqualTo("vn.giamngheo.household.registered.v1");
            // The audit names every household the upload registered.
            assertThat(Http.get(url("/api/v1/audit?householdId=" + id)).json().findValuesAsString("path"))
                    .contains("/api/v1/households/import-upload");
        }
        Document notice = database.getCollection("privacy_notices").find(Filters.eq("_id", ids.getFirst())).first();
        assertThat(notice.getList("notices", Document.class)).singleElement().satisfies(n -> {
            assertThat(n.getString("version")).isEqualTo("TB-2026-01");
            assertThat(n.getString("method")).isEqualTo("PAPER");
            assertThat(n.getString("givenTo")).isEqualTo("Nguyễn Văn An");
            assertThat(n.getString("recordedBy")).isEqualTo(OFFICER);
        });
        assertThat(database.getCollection("privacy_notices").find(Filters.eq("_id", ids.get(1))).first()).isNull();

        Map<String, Long> afterFirst = state();
        Http.Response again = upload(fixed);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("registered").asInt()).isZero();
        assertThat(again.json().get("alreadyRegistered").asInt()).isEqualTo(2);
        assertThat(again.json().get("households").findValuesAsString("id")).isEqualTo(ids);
        assertThat(state()).as("a repeated upload creates nothing").isEqualTo(afterFirst);
    }

    /**
     * The state a failure part-way through the bulk insert leaves (the ids planned, one household written, the other
     * not, its citizen ids still claimed under its planned id): uploading the same file again completes it.
     */
    @Test
    void anUploadStoppedPartWayIsCompletedByUploadingTheSameFileAgain() {
        byte[] file = ImportFiles.file().familyOfThree(1, "08707").familyOfThree(2, "08707").build();
        JsonNode first = upload(file).json();
        List<String> ids = first.get("households").findValuesAsString("id");
        database.getCollection("households").deleteOne(Filters.eq("_id", ids.get(1)));

        Http.Response again = upload(file);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("registered").asInt()).isEqualTo(1);
        assertThat(again.json().get("alreadyRegistered").asInt()).isEqualTo(1);
        assertThat(again.json().get("households").findValuesAsString("id")).isEqualTo(ids);
        assertThat(again.json().get("households").findValuesAsString("alreadyRegistered"))
                .containsExactly("true", "false");
        assertThat(Http.get(url("/api/v1/households/" + ids.get(1))).status()).isEqualTo(200);
    }

    @Test
    void aCitizenIdAlreadyActiveInTheRegistryRejectsTheWholeFileOnItsCell() {
        String taken = Households.newCitizenId(Sex.MALE, LocalDate.parse("1968-03-14"));
        String existing = Http.post(url("/api/v1/households"), Households.registrationJson("08707", taken,
                Households.newCitizenId(Sex.FEMALE, LocalDate.parse("1971-09-02")))).json().get("id").asString();
        ImportFiles rows = ImportFiles.file().familyOfThree(1, "08707").familyOfThree(2, "08707");
        rows.rows().get(3).put("CITIZEN_ID", taken);
        Map<String, Long> before = state();

        Http.Response response = upload(rows.build());

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode problem = response.json().get("problems").get(0);
        assertThat(response.json().get("problems")).hasSize(1);
        assertThat(problem.get("row").asInt()).isEqualTo(6);
        assertThat(problem.get("column").asString()).isEqualTo("Số CCCD (12 chữ số)");
        assertThat(problem.get("field").asString()).isEqualTo("members[0].citizenId");
        assertThat(problem.get("reason").asString()).contains(existing);
        assertThat(state()).as("household 1's citizen ids were claimed to check them, then given back")
                .isEqualTo(before);
    }

    @Test
    void aWardOfficerOf08707CannotImportIntoWard08716() {
        byte[] file = ImportFiles.file().familyOfThree(1, "08707").familyOfThree(2, "08716").build();
        Map<String, Long> before = state();

        Http.Response response = upload(file);

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).contains("08716", "«Mã đơn vị»", "dòng 6");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("rows[6].unitCode");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAnXlsxOrHasNoRowIsRefusedAsAWhole() {
        Http.Response response = upload("Số thứ tự hộ;Mã đơn vị\n1;08707\n".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("file");
        assertThat(response.json().get("errors").findValuesAsString("reason").getFirst()).contains(".xlsx");
        byte[] template = Http.as(WARD_OFFICER, () -> Http.download(url("/api/v1/households/import-template")));
        Http.Response empty = upload(template);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").findValuesAsString("reason").getFirst()).contains("chưa có dòng nào");
    }
}
