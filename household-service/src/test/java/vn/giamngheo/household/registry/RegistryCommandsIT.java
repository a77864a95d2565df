package vn.giamngheo.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.household.HouseholdUpdated;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TopicProbe;

/** The registry's commands over HTTP, each checked in the household, its history and the events on the topic. */
@ServiceIntegrationTest
@Import(FixedClock.class)
class RegistryCommandsIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    private String url(String path) {
        return "http://localhost:" + port + "/api/v1/households" + path;
    }

    private JsonNode register(String unit) {
        Http.Response created = Http.post(url(""), Households.registrationJson(unit));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static String personId(JsonNode household, int index) {
        return household.get("members").get(index).get("personId").asString();
    }

    private static String memberJson(String name, String born, String sex, String citizenId, String relation) {
        return """
                {"fullName":"%s","dateOfBirth":"%s","sex":"%s",%s"relationToHead":"%s"}
                """.formatted(name, born, sex, citizenId == null ? "" : "\"citizenId\":\"" + citizenId + "\",",
                relation);
    }

    @Test
    void aFamilyChangesThroughCommandsAndEveryChangeIsPublishedInOrderAndKeptInHistory() {
        JsonNode family = register("08707");
        String id = family.get("id").asString();
        String head = personId(family, 0);
        String spouse = personId(family, 1);

        JsonNode added = Http.post(url("/" + id + "/members"), "{\"member\":"
                + memberJson("Nguyễn Văn Bảo", "2010-01-15", "MALE", null, "CHILD") + "}").json();
        String child = added.get("members").get(3).get("personId").asString();
        assertThat(Http.post(url("/" + id + "/head"), "{\"newHeadPersonId\":\"" + spouse
                + "\",\"previousHeadRelation\":\"SPOUSE\"}").status()).isEqualTo(200);
        Http.Response removed = Http.post(url("/" + id + "/members/" + child + "/removal"),
                "{\"reason\":\"OTHER\",\"effectiveDate\":\"2026-11-20\"}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);

        JsonNode after = Http.get(url("/" + id)).json();
        assertThat(after.get("version").asLong()).isEqualTo(4);
        assertThat(after.get("members").findValuesAsString("status")).containsExactly("ACTIVE", "ACTIVE", "ACTIVE",
                "LEFT");
        assertThat(Http.get(url("/" + id + "/history")).json().findValuesAsString("change"))
                .containsExactly("REGISTERED", "MEMBER_ADDED", "HEAD_CHANGED", "MEMBER_REMOVED");

        List<ConsumerRecord<String, byte[]>> events = TopicProbe.await(Topics.HOUSEHOLD_EVENTS, TopicProbe.key(id), 4,
                Duration.ofSeconds(20));
        assertThat(events).extracting(r -> TopicProbe.header(r, CloudEventHeaders.TYPE)).containsExactly(
                EventTypes.HOUSEHOLD_REGISTERED.ceType(), EventTypes.HOUSEHOLD_UPDATED.ceType(),
                EventTypes.HOUSEHOLD_UPDATED.ceType(), EventTypes.HOUSEHOLD_UPDATED.ceType());
        HouseholdUpdated last = EventCodec.readPayload(events.get(3).value(), EventTypes.HOUSEHOLD_UPDATED);
        assertThat(last.sequence()).isEqualTo(4);
        assertThat(last.change()).isEqualTo("MEMBER_REMOVED");
        assertThat(last.effectiveDate()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(last.members()).extracting(m -> m.personId()).containsExactlyInAnyOrder(head, spouse,
                personId(family, 2));
    }

    @Test
    void aPersonIsActiveInOneHouseholdOnlyAndIsFreeAgainAfterMovingAway() {
        String headId = Households.newCitizenId(Sex.MALE, LocalDate.parse("1968-03-14"));
        String spouseId = Households.newCitizenId(Sex.FEMALE, LocalDate.parse("1971-09-02"));
        Http.Response first = Http.post(url(""), Households.registrationJson("08707", headId, spouseId));
        assertThat(first.status()).isEqualTo(201);
        long households = database.getCollection("households").countDocuments();

        Http.Response second = Http.post(url(""), Households.registrationJson("08716",
                Households.newCitizenId(Sex.MALE, LocalDate.parse("1968-03-14")), spouseId));

        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().get("errors").findValuesAsString("field")).containsExactly("members[1].citizenId");
        assertThat(second.body()).doesNotContain(spouseId);
        assertThat(database.getCollection("households").countDocuments()).isEqualTo(households);

        String firstId = first.json().get("id").asString();
        assertThat(Http.post(url("/" + firstId + "/move-away"), "{\"reason\":\"MOVED_AWAY\"}").status()).isEqualTo(200);
        assertThat(Http.post(url(""), Households.registrationJson("08716",
                Households.newCitizenId(Sex.MALE, LocalDate.parse("1968-03-14")), spouseId)).status()).isEqualTo(201);
    }

    @Test
    void aPersonMovesBetweenHouseholdsAndTheirCitizenIdMovesWithThem() {
        JsonNode from = register("08707");
        JsonNode to = register("08707");
        String fromId = from.get("id").asString();
        String toId = to.get("id").asString();
        String spouse = personId(from, 1);

        Http.Response moved = Http.post(url("/" + fromId + "/members/" + spouse + "/move"),
                "{\"toHouseholdId\":\"" + toId + "\",\"relationToHead\":\"SIBLING\"}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(Http.get(url("/" + toId)).json().get("members").findValuesAsString("personId")).contains(spouse);
        assertThat(Http.get(url("/" + fromId)).json().get("members").get(1).get("leftReason").asString())
                .isEqualTo("MOVED_TO:" + toId);
        Document claim = database.getCollection("citizen_ids")
                .find(new Document("_id", from.get("members").get(1).get("citizenId").asString())).first();
        assertThat(claim.getString("householdId")).isEqualTo(toId);
    }

    @Test
    void splittingAndMergingHouseholds() {
        JsonNode family = register("08716");
        String id = family.get("id").asString();
        Http.Response split = Http.post(url("/" + id + "/split"), "{\"personIds\":[\"" + personId(family, 2)
                + "\"],\"newHeadPersonId\":\"" + personId(family, 2) + "\",\"village\":\"Tổ dân phố Liên Bảo 4\"}");
        assertThat(split.status()).as(split.body()).isEqualTo(201);
        String founded = split.json().get("id").asString();
        assertThat(split.json().get("village").asString()).isEqualTo("Tổ dân phố Liên Bảo 4");
        assertThat(Http.get(url("/" + id + "/history")).json().findValuesAsString("change")).contains("SPLIT");

        Http.Response merged = Http.post(url("/" + id + "/merge"), "{\"absorbedHouseholdId\":\"" + founded
                + "\",\"relations\":{\"" + personId(family, 2) + "\":\"CHILD\"}}");

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(Http.get(url("/" + founded)).json().get("status").asString()).isEqualTo("REMOVED");
        TopicProbe.await(Topics.HOUSEHOLD_EVENTS, r -> founded.equals(r.key())
                && EventTypes.HOUSEHOLD_REMOVED.ceType().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)), 1,
                Duration.ofSeconds(20));
    }

    @Test
    void householdsAreListedByUnitWithPaging() {
        String village = "Tổ kiểm thử " + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertThat(Http.post(url(""), Households.registrationJson("08716").replace("Tổ dân phố Đồng Tâm 3",
                    village)).status()).isEqualTo(201);
        }

        JsonNode page = Http.get(url("?unitCode=08716&village=" + java.net.URLEncoder.encode(village,
                java.nio.charset.StandardCharsets.UTF_8) + "&size=2&page=1")).json();

        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("headName").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(Http.get(url("?class=ROYAL")).status()).isEqualTo(400);
    }

    @Test
    void commandsOnAnUnknownHouseholdOrMemberAreRefusedAndChangeNothing() {
        JsonNode family = register("08707");
        String id = family.get("id").asString();

        assertThat(Http.post(url("/nobody/head"), "{\"newHeadPersonId\":\"x\",\"previousHeadRelation\":\"SPOUSE\"}")
                .status()).isEqualTo(404);
        Http.Response removeHead = Http.post(url("/" + id + "/members/" + personId(family, 0) + "/removal"),
                "{\"reason\":\"DIED\"}");
        assertThat(removeHead.status()).isEqualTo(400);
        assertThat(removeHead.body()).contains("change the head first");
        Http.Response badCitizenId = Http.post(url("/" + id + "/members"), "{\"member\":"
                + memberJson("Trần Văn Cường", "1990-01-01", "MALE", "026190000001", "CHILD") + "}");
        assertThat(badCitizenId.status()).isEqualTo(400);
        assertThat(badCitizenId.json().get("errors").findValuesAsString("field")).containsExactly("member.citizenId");
        assertThat(Http.get(url("/" + id)).json().get("version").asLong()).isEqualTo(1);
    }
}
