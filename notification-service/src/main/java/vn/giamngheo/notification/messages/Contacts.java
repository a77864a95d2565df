package vn.giamngheo.notification.messages;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.web.ApiException;

/**
 * Who messages go to. A household's phone number and an officer's e-mail are held here only — by the one service
 * that sends messages — and never travel in events. Each contact may opt out of a channel.
 */
@Component
public class Contacts {

    /** @param phone normalised to {@code +84} and 9 digits */
    public record HouseholdContact(String householdId, String phone, Set<Channel> optOut) {
    }

    /** @param units the commune-level unit codes the officer looks after; {@code *} for the whole city */
    public record OfficerContact(String officerId, String name, String email, List<String> units,
            Set<Channel> optOut) {
    }

    private static final Pattern MOBILE = Pattern.compile("(?:\\+84|84|0)([35789]\\d{8})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern UNIT = Pattern.compile("\\d{5}|\\*");

    private final MongoCollection<Document> contacts;

    Contacts(MongoDatabase database) {
        this.contacts = database.getCollection("contacts");
        contacts.createIndex(Indexes.ascending("units"));
    }

    public HouseholdContact putHousehold(String householdId, String phone, Collection<String> optOut) {
        if (phone == null || phone.isBlank()) {
            throw ApiException.invalid("phone", "is required");
        }
        var m = MOBILE.matcher(phone.replaceAll("[ .-]", ""));
        if (!m.matches()) {
            throw ApiException.invalid("phone", "must be a Vietnamese mobile number, e.g. 0912345678 or +84912345678");
        }
        HouseholdContact contact = new HouseholdContact(householdId, "+84" + m.group(1), channels(optOut));
        contacts.replaceOne(Filters.eq("_id", "household:" + householdId), new Document("_id", "household:" + householdId)
                .append("kind", "HOUSEHOLD").append("householdId", householdId).append("phone", contact.phone())
                .append("optOut", names(contact.optOut())), new ReplaceOptions().upsert(true));
        return contact;
    }

    public Optional<HouseholdContact> household(String householdId) {
        return Optional.ofNullable(contacts.find(Filters.eq("_id", "household:" + householdId)).first())
                .map(d -> new HouseholdContact(householdId, d.getString("phone"), channels(d.getList("optOut",
                        String.class))));
    }

    public OfficerContact putOfficer(String officerId, String name, String email, List<String> units,
            Collection<String> optOut) {
        if (!ID.matcher(officerId).matches()) {
            throw ApiException.invalid("officerId", "1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (name == null || name.isBlank()) {
            throw ApiException.invalid("name", "is required");
        }
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw ApiException.invalid("email", "must be an e-mail address");
        }
        if (units == null || units.isEmpty()) {
            throw ApiException.invalid("units", "list the unit codes the officer looks after (5 digits), or \"*\"");
        }
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i) == null || !UNIT.matcher(units.get(i)).matches()) {
                throw ApiException.invalid("units[" + i + "]", "must be a 5-digit unit code or \"*\"");
            }
        }
        OfficerContact contact = new OfficerContact(officerId, name.strip(), email.strip(), List.copyOf(units),
                channels(optOut));
        contacts.replaceOne(Filters.eq("_id", "officer:" + officerId), new Document("_id", "officer:" + officerId)
                .append("kind", "OFFICER").append("officerId", officerId).append("name", contact.name())
                .append("email", contact.email()).append("units", contact.units())
                .append("optOut", names(contact.optOut())), new ReplaceOptions().upsert(true));
        return contact;
    }

    public List<OfficerContact> officers() {
        List<OfficerContact> result = new ArrayList<>();
        contacts.find(Filters.eq("kind", "OFFICER")).forEach(d -> result.add(officer(d)));
        return result;
    }

    /** The officers looking after the unit (or the whole city). */
    public List<OfficerContact> officersFor(String unitCode) {
        List<OfficerContact> result = new ArrayList<>();
        contacts.find(Filters.and(Filters.eq("kind", "OFFICER"), Filters.in("units", unitCode == null ? "*" : unitCode,
                "*"))).forEach(d -> result.add(officer(d)));
        return result;
    }

    private static OfficerContact officer(Document d) {
        return new OfficerContact(d.getString("officerId"), d.getString("name"), d.getString("email"),
                d.getList("units", String.class), channels(d.getList("optOut", String.class)));
    }

    private static Set<Channel> channels(Collection<String> names) {
        Set<Channel> result = EnumSet.noneOf(Channel.class);
        if (names == null) {
            return result;
        }
        for (String name : names) {
            try {
                result.add(Channel.valueOf(name));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ApiException.invalid("optOut", "channels are " + List.of(Channel.values()) + ", not " + name);
            }
        }
        return result;
    }

    private static List<String> names(Set<Channel> channels) {
        return channels.stream().map(Channel::name).toList();
    }
}
