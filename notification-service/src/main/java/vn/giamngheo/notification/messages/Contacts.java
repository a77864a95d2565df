package vn.giamngheo.notification.messages;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;
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

    /** A contact as stored: {@code household:<id>} or {@code officer:<id>}, replaced as a whole on each change. */
    private record Stored<C>(String id, long version, C contact) {

        /** The change that makes {@code contact} the one stored under {@code id}, whatever was there. */
        static <C> Change<Stored<C>> replacing(String id, Stored<C> current, C contact) {
            return current == null ? Change.create(new Stored<>(id, 1, contact))
                    : Change.update(current.version(), new Stored<>(id, current.version() + 1, contact));
        }
    }

    private static final String COLLECTION = "contacts";
    private static final Codec<Stored<HouseholdContact>> HOUSEHOLD = Codec.of(Stored::id,
            s -> new Document("_id", s.id()).append("version", s.version()).append("kind", "HOUSEHOLD")
                    .append("householdId", s.contact().householdId()).append("phone", s.contact().phone())
                    .append("optOut", names(s.contact().optOut())),
            d -> new Stored<>(d.getString("_id"), version(d), new HouseholdContact(d.getString("householdId"),
                    d.getString("phone"), channels(d.getList("optOut", String.class)))));
    private static final Codec<Stored<OfficerContact>> OFFICER = Codec.of(Stored::id,
            s -> new Document("_id", s.id()).append("version", s.version()).append("kind", "OFFICER")
                    .append("officerId", s.contact().officerId()).append("name", s.contact().name())
                    .append("email", s.contact().email()).append("units", s.contact().units())
                    .append("optOut", names(s.contact().optOut())),
            d -> new Stored<>(d.getString("_id"), version(d), new OfficerContact(d.getString("officerId"),
                    d.getString("name"), d.getString("email"), d.getList("units", String.class),
                    channels(d.getList("optOut", String.class)))));

    private final AggregateCollection<Stored<HouseholdContact>> households;
    private final AggregateCollection<Stored<OfficerContact>> officers;
    /** The officers' lists, queried beside. */
    private final MongoCollection<Document> contacts;

    Contacts(Aggregates aggregates, MongoDatabase database) {
        this.households = aggregates.withoutOutbox(COLLECTION, HOUSEHOLD);
        this.officers = aggregates.withoutOutbox(COLLECTION, OFFICER);
        this.contacts = database.getCollection(COLLECTION);
        contacts.createIndex(Indexes.ascending("units"));
        // Contacts stored before they had a version start at 0, which the version guard can then match.
        contacts.updateMany(Filters.exists(AggregateCollection.VERSION, false),
                Updates.set(AggregateCollection.VERSION, 0L));
    }

    /** Stores {@code contact} under {@code id} in place of what was there (decided again if it changed meanwhile). */
    private static <C> void put(AggregateCollection<Stored<C>> collection, String id, C contact) {
        if (!collection.decideAll(List.of(id), (i, current) -> Optional.of(Stored.replacing(id, current, contact)), 5)
                .allApplied()) {
            throw ApiException.conflict("contact", "the contact kept changing; please try again");
        }
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
        put(households, "household:" + householdId, contact);
        return contact;
    }

    public Optional<HouseholdContact> household(String householdId) {
        return households.find("household:" + householdId).map(Stored::contact);
    }

    /** The contacts of those of {@code householdIds} that have one, by household id: one read. */
    public Map<String, HouseholdContact> households(Collection<String> householdIds) {
        Map<String, HouseholdContact> found = new HashMap<>();
        households.loadAll(householdIds.stream().map(id -> "household:" + id).toList()).values()
                .forEach(s -> found.put(s.contact().householdId(), s.contact()));
        return found;
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
        put(officers, "officer:" + officerId, contact);
        return contact;
    }

    public List<OfficerContact> officers() {
        List<OfficerContact> result = new ArrayList<>();
        contacts.find(Filters.eq("kind", "OFFICER")).projection(officers.readProjection())
                .forEach(d -> result.add(OFFICER.decode(d).contact()));
        return result;
    }

    /** The officers looking after the unit (or the whole city). */
    public List<OfficerContact> officersFor(String unitCode) {
        List<OfficerContact> result = new ArrayList<>();
        contacts.find(Filters.and(Filters.eq("kind", "OFFICER"), Filters.in("units", unitCode == null ? "*" : unitCode,
                "*"))).projection(officers.readProjection()).forEach(d -> result.add(OFFICER.decode(d).contact()));
        return result;
    }

    private static long version(Document d) {
        return d.get(AggregateCollection.VERSION, Number.class).longValue();
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
