package vn.giamngheo.household.registry;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.security.Caller;

/**
 * The notice about the processing of personal data given to a household (Decree 13/2023 Art. 13), and the consent it
 * records: which version of the notice, when, how, to whom, and which officer recorded it (account and full name).
 * Appended, never replaced.
 */
@Component
public class PrivacyNotices {

    public enum Method { PAPER, ORAL, ELECTRONIC }

    /** As given by the officer at registration (or later). */
    public record Notice(@NotBlank @Size(max = 40) String version, @NotNull LocalDate givenOn, @NotNull Method method,
            @Size(max = 120) String givenTo, boolean consented) {
    }

    /** As recorded. */
    public record Recorded(String version, LocalDate givenOn, Method method, String givenTo, boolean consented,
            String recordedBy, String recordedByName, Instant recordedAt) {
    }

    private final MongoCollection<Document> notices;

    PrivacyNotices(MongoDatabase database) {
        this.notices = database.getCollection("privacy_notices");
    }

    public void record(String householdId, Notice notice, Caller recordedBy, Instant at) {
        notices.updateOne(Filters.eq("_id", householdId), Updates.push("notices", new Document("version",
                notice.version()).append("givenOn", notice.givenOn().toString()).append("method", notice.method().name())
                .append("givenTo", notice.givenTo()).append("consented", notice.consented())
                .append("recordedBy", recordedBy.subject()).append("recordedByName", recordedBy.name())
                .append("recordedAt", Date.from(at))), new UpdateOptions().upsert(true));
    }

    public List<Recorded> of(String householdId) {
        Document doc = notices.find(Filters.eq("_id", householdId)).first();
        if (doc == null) {
            return List.of();
        }
        return doc.getList("notices", Document.class).stream().map(n -> new Recorded(n.getString("version"),
                LocalDate.parse(n.getString("givenOn")), Method.valueOf(n.getString("method")), n.getString("givenTo"),
                n.getBoolean("consented", false), n.getString("recordedBy"),
                n.getString(n.containsKey("recordedByName") ? "recordedByName" : "recordedBy"),
                n.getDate("recordedAt").toInstant()))
                .toList();
    }
}
