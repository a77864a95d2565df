package vn.giamngheo.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.CloudEventHeaders;
import vn.giamngheo.contracts.EventCodec;
import vn.giamngheo.contracts.EventTypes;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.household.HouseholdRegistered;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.TestInfrastructure;
import vn.giamngheo.testsupport.ServiceIntegrationTest;
import vn.giamngheo.testsupport.TopicProbe;

@ServiceIntegrationTest
@Import(HouseholdRegistrationIT.FixedClock.class)
class HouseholdRegistrationIT {


    /** 24 November 2026, in Vietnam: the units in force are the post-2025 wards 08707 and 08716. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aRegisteredHouseholdIsStoredAndPublishedKeyedByItsIdWithCloudEventsHeaders() {
        Http.Response created = Http.post(url("/api/v1/households"), Households.registrationJson("08707"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(Http.get(url("/api/v1/households/" + id)).json().get("members")).hasSize(3);

        ConsumerRecord<String, byte[]> record = TopicProbe.await(Topics.HOUSEHOLD_EVENTS, TopicProbe.key(id), 1,
                Duration.ofSeconds(20)).getFirst();
        assertThat(TopicProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("vn.giamngheo.household.registered.v1");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/household-service");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(TopicProbe.header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(TopicProbe.header(record, CloudEventHeaders.TIME)).isEqualTo("2026-11-24T02:00:00Z");
        assertThat(TopicProbe.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        HouseholdRegistered event = EventCodec.readPayload(record.value(), EventTypes.HOUSEHOLD_REGISTERED);
        assertThat(event.unitCode()).isEqualTo("08707");
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.members()).hasSize(3);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("Nguyễn",
                created.json().get("members").get(0).get("citizenId").asString(),
                created.json().get("members").get(1).get("citizenId").asString());

        // Published means removed from the outbox.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                database.getCollection("households").find(new org.bson.Document("_id", id)).first()
                        .getList("pendingEvents", Object.class).isEmpty());
    }

    @Test
    void everyTopicIsCreatedWithTwelvePartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            var topics = admin.describeTopics(List.of(Topics.HOUSEHOLD_EVENTS, Topics.BENEFIT_EVENTS,
                    Topics.REPORTING_PROGRESS)).allTopicNames().get();
            assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(12));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing unit           | {"village":"Tổ 1","members":[{"fullName":"A","dateOfBirth":"1970-01-01","sex":"MALE","relationToHead":"HEAD"}]}                                | unitCode
            unit no longer exists  | {"unitCode":"08710","village":"Tổ 1","members":[{"fullName":"A","dateOfBirth":"1970-01-01","sex":"MALE","relationToHead":"HEAD"}]}               | unitCode
            unknown unit           | {"unitCode":"99999","village":"Tổ 1","members":[{"fullName":"A","dateOfBirth":"1970-01-01","sex":"MALE","relationToHead":"HEAD"}]}               | unitCode
            not a commune          | {"unitCode":"243","village":"Tổ 1","members":[{"fullName":"A","dateOfBirth":"1970-01-01","sex":"MALE","relationToHead":"HEAD"}]}                 | unitCode
            malformed JSON         | {"unitCode":"08707","village":"Tổ 1","members":[                                                                                                   | (body)
            members not an array   | {"unitCode":"08707","village":"Tổ 1","members":"three"}                                                                                            | members
            bad date               | {"unitCode":"08707","village":"Tổ 1","members":[{"fullName":"A","dateOfBirth":"yesterday","sex":"MALE","relationToHead":"HEAD"}]}                 | members[0].dateOfBirth
            unknown sex            | {"unitCode":"08707","village":"Tổ 1","members":[{"fullName":"A","dateOfBirth":"1970-01-01","sex":"X","relationToHead":"HEAD"}]}                   | members[0].sex
            unknown field          | {"unitCode":"08707","village":"Tổ 1","members":[{"fullName":"A","dateOfBirth":"1970-01-01","sex":"MALE","relationToHead":"HEAD","income":5}]}     | members[0].income
            bad citizen id         | {"unitCode":"08707","village":"Tổ 1","members":[{"fullName":"A","dateOfBirth":"1970-01-01","sex":"MALE","citizenId":"123","relationToHead":"HEAD"}]} | members[0].citizenId
            no members             | {"unitCode":"08707","village":"Tổ 1","members":[]}                                                                                                 | members
            no head                | {"unitCode":"08707","village":"Tổ 1","members":[{"fullName":"A","dateOfBirth":"1970-01-01","sex":"MALE","relationToHead":"CHILD"}]}              | members
            born tomorrow          | {"unitCode":"08707","village":"Tổ 1","members":[{"fullName":"A","dateOfBirth":"2026-11-25","sex":"MALE","relationToHead":"HEAD"}]}                | members[0].dateOfBirth
            """)
    void badInputIsA400ProblemNamingTheFieldAndStoresNothing(String what, String body, String field) {
        long before = database.getCollection("households").countDocuments();

        Http.Response response = Http.post(url("/api/v1/households"), body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.has("errors")).as(response.body()).isTrue();
        assertThat(problem.get("errors").findValuesAsString("field")).as(response.body()).contains(field);
        assertThat(database.getCollection("households").countDocuments()).isEqualTo(before);
    }

    @Test
    void anImportRegistersEachValidHouseholdPublishesItAndReportsTheOthersByIndexAndField() {
        String takenHead = Households.newCitizenId(Sex.MALE, LocalDate.parse("1968-03-14"));
        assertThat(Http.post(url("/api/v1/households"), Households.registrationJson("08716", takenHead,
                Households.newCitizenId(Sex.FEMALE, LocalDate.parse("1971-09-02")))).status()).isEqualTo(201);
        String body = "{\"households\":[" + Households.registrationJson("08707")
                + "," + Households.registrationJson("08710") // merged into 08716 on 2025-07-01
                + "," + Households.registrationJson("08716", takenHead,
                        Households.newCitizenId(Sex.FEMALE, LocalDate.parse("1971-09-02")))
                + "," + Households.registrationJson("08716") + "]}";

        Http.Response response = Http.post(url("/api/v1/households/import"), body);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("registered").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        JsonNode items = report.get("households");
        assertThat(items.get(1).get("id").isNull()).isTrue();
        assertThat(items.get(1).get("errors").findValuesAsString("field")).containsExactly("households[1].unitCode");
        assertThat(items.get(2).get("errors").findValuesAsString("field").getFirst())
                .startsWith("households[2].members[0].citizenId");
        for (int i : new int[] {0, 3}) {
            String id = items.get(i).get("id").asString();
            assertThat(Http.get(url("/api/v1/households/" + id)).json().get("members")).hasSize(3);
            ConsumerRecord<String, byte[]> record = TopicProbe.await(Topics.HOUSEHOLD_EVENTS, TopicProbe.key(id), 1,
                    Duration.ofSeconds(20)).getFirst();
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE))
                    .isEqualTo("vn.giamngheo.household.registered.v1");
            // The audit names each household the import registered.
            assertThat(Http.get(url("/api/v1/audit?householdId=" + id)).json().findValuesAsString("path"))
                    .contains("/api/v1/households/import");
        }
    }

    @Test
    void aMalformedImportRegistersNothing() {
        long before = database.getCollection("households").countDocuments();
        String body = "{\"households\":[" + Households.registrationJson("08707") + ","
                + Households.registrationJson("08707").replace("\"village\": \"Tổ dân phố Đồng Tâm 3\",", "") + "]}";

        Http.Response response = Http.post(url("/api/v1/households/import"), body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("households[1].village");
        assertThat(Http.post(url("/api/v1/households/import"), "{\"households\":[]}").status()).isEqualTo(400);
        assertThat(database.getCollection("households").countDocuments()).isEqualTo(before);
    }

    @Test
    void anUnknownHouseholdIsA404Problem() {
        Http.Response response = Http.get(url("/api/v1/households/no-such-household"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unitsInForceOnADateAreListed() {
        JsonNode units = Http.get(url("/api/v1/units?date=2022-01-01")).json();
        assertThat(units.findValuesAsString("code")).contains("08710", "08731");

        Http.Response bad = Http.get(url("/api/v1/units?date=01/01/2022"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("date");
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        Http.post(url("/api/v1/households"), Households.registrationJson("08716"));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Http.get(url("/actuator/health")).json().get("status").asString()).isEqualTo("UP"));
        assertThat(Http.get(url("/v3/api-docs")).json().get("paths").has("/api/v1/households")).isTrue();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Http.get(url("/actuator/prometheus")).body())
                        .containsPattern("giamngheo_events_published_total\\{.*service=\"household-service\".*"
                                + "type=\"vn.giamngheo.household.registered.v1\""));
    }
}
