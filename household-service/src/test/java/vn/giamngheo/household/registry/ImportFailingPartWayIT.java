package vn.giamngheo.household.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import vn.giamngheo.testsupport.Http;
import vn.giamngheo.testsupport.ServiceIntegrationTest;

/**
 * The JSON import's bulk insert fails after writing its first household (as a MongoDB that stops answering
 * part-way would): the household written keeps its people's citizen-id claims, so nobody can register them again,
 * while the people of the household not written can be registered once the store answers.
 */
@ServiceIntegrationTest
class ImportFailingPartWayIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @MockitoSpyBean
    HouseholdStore store;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aHouseholdWrittenBeforeTheFailureKeepsItsPeople() {
        String writtenHead = Households.newCitizenId(Sex.MALE, LocalDate.parse("1968-03-14"));
        String writtenSpouse = Households.newCitizenId(Sex.FEMALE, LocalDate.parse("1971-09-02"));
        String lostHead = Households.newCitizenId(Sex.MALE, LocalDate.parse("1968-03-14"));
        String lostSpouse = Households.newCitizenId(Sex.FEMALE, LocalDate.parse("1971-09-02"));
        AtomicBoolean failing = new AtomicBoolean(true);
        doAnswer(call -> {
            if (!failing.getAndSet(false)) {
                return call.callRealMethod();
            }
            List<Household.Change> registrations = call.getArgument(0);
            store.insertAll(registrations.subList(0, 1));
            throw new MongoTimeoutException("the store stopped answering after the first household");
        }).when(store).insertAll(any());

        Http.Response failed = Http.post(url("/api/v1/households/import"), "{\"households\": ["
                + Households.registrationJson("08707", writtenHead, writtenSpouse) + ","
                + Households.registrationJson("08707", lostHead, lostSpouse) + "]}");
        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        assertThat(database.getCollection(HouseholdStore.COLLECTION)
                .countDocuments(Filters.eq("members.citizenId", writtenHead))).isEqualTo(1);

        Http.Response again = Http.post(url("/api/v1/households"),
                Households.registrationJson("08707", writtenHead, Households.newCitizenId(Sex.FEMALE,
                        LocalDate.parse("1971-09-02"))));
        assertThat(again.status()).as("the person of the household written is still active there: " + again.body())
                .isEqualTo(409);

        Http.Response lost = Http.post(url("/api/v1/households"),
                Households.registrationJson("08707", lostHead, lostSpouse));
        assertThat(lost.status()).as("the people of the household not written are free: " + lost.body())
                .isEqualTo(201);
    }
}
