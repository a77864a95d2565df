package vn.giamngheo.household.registry;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.outbox.Outbox;

/** Households in MongoDB, each with its outbox; every write is one atomic single-document operation. */
@Component
class HouseholdStore {

    static final String COLLECTION = "households";

    private final MongoCollection<Document> households;

    HouseholdStore(MongoDatabase database) {
        this.households = database.getCollection(COLLECTION);
    }

    /** Stores a new household together with its pending events. */
    void insert(Household household, List<Document> pendingEvents) {
        households.insertOne(toDocument(household).append(Outbox.FIELD, pendingEvents));
    }

    Optional<Household> find(String id) {
        return Optional.ofNullable(households.find(Filters.eq("_id", id)).first()).map(HouseholdStore::fromDocument);
    }

    private static Document toDocument(Household household) {
        return new Document("_id", household.id())
                .append("unitCode", household.unitCode())
                .append("village", household.village())
                .append("registeredAt", Date.from(household.registeredAt()))
                .append("version", household.version())
                .append("members", household.members().stream().map(HouseholdStore::toDocument).toList());
    }

    private static Document toDocument(Member member) {
        return new Document("personId", member.personId())
                .append("fullName", member.fullName())
                .append("dateOfBirth", member.dateOfBirth().toString())
                .append("sex", member.sex().name())
                .append("citizenId", member.citizenId())
                .append("relationToHead", member.relationToHead().name());
    }

    private static Household fromDocument(Document doc) {
        return new Household(doc.getString("_id"), doc.getString("unitCode"), doc.getString("village"),
                doc.getList("members", Document.class).stream().map(HouseholdStore::memberFrom).toList(),
                doc.getDate("registeredAt").toInstant(), doc.getLong("version"));
    }

    private static Member memberFrom(Document doc) {
        return new Member(doc.getString("personId"), doc.getString("fullName"),
                LocalDate.parse(doc.getString("dateOfBirth")), Sex.valueOf(doc.getString("sex")),
                doc.getString("citizenId"), Relation.valueOf(doc.getString("relationToHead")));
    }
}
