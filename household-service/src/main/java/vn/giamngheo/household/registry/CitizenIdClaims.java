package vn.giamngheo.household.registry;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.giamngheo.platform.mongo.Guards;
import vn.giamngheo.platform.persistence.AggregateCollection;
import vn.giamngheo.platform.persistence.Aggregates;
import vn.giamngheo.platform.persistence.Change;
import vn.giamngheo.platform.persistence.Codec;

/**
 * "A person is active in at most one household", enforced by a unique key: one claim document per citizen id
 * ({@code _id}), naming the household the person is active in. Claims are taken before the household is written
 * and released after; a claim whose household no longer lists the person (a crash between the two writes) is stale
 * and is taken over.
 */
@Component
class CitizenIdClaims {

    /** The person is active in another household. */
    static class AlreadyActiveException extends RuntimeException {
        private final String householdId;

        AlreadyActiveException(String householdId) {
            super("is already an active member of another household");
            this.householdId = householdId;
        }

        String householdId() {
            return householdId;
        }
    }

    /** The household a citizen id is claimed for. */
    private record Claim(String citizenId, String householdId) {
    }

    private static final String COLLECTION = "citizen_ids";
    private static final Codec<Claim> CODEC = Codec.of(Claim::citizenId,
            c -> new Document("_id", c.citizenId()).append("householdId", c.householdId()),
            d -> new Claim(d.getString("_id"), d.getString("householdId")));

    private final AggregateCollection<Claim> taken;
    /** Taken over, released and moved while held by a given household: guarded by it ({@link Guards}). */
    private final MongoCollection<Document> claims;

    CitizenIdClaims(Aggregates aggregates, MongoDatabase database) {
        this.taken = aggregates.records(COLLECTION, CODEC);
        this.claims = database.getCollection(COLLECTION);
        Guards.index(claims, "householdId");
    }

    /**
     * Claims {@code citizenId} for {@code householdId}.
     *
     * @param lookup finds a household, to tell a live claim from a stale one
     */
    void claim(String citizenId, String householdId, Function<String, Optional<Household>> lookup) {
        if (taken.insertIfAbsent(new Claim(citizenId, householdId))) {
            return;
        }
        String holder = taken.find(citizenId).map(Claim::householdId).orElse(null);
        if (householdId.equals(holder)) {
            return;
        }
        boolean live = holder != null && lookup.apply(holder).map(h -> h.activeMembers().stream()
                .anyMatch(m -> citizenId.equals(m.citizenId()))).orElse(false);
        if (live) {
            throw new AlreadyActiveException(holder);
        }
        var taken = claims.updateOne(Guards.where(citizenId, "householdId", holder),
                Updates.set("householdId", householdId));
        if (taken.getModifiedCount() == 0) {
            throw new AlreadyActiveException(String.valueOf(holder));
        }
    }

    /**
     * Claims, in one bulk insert, each citizen id of {@code wanted} (citizen id → household id) that nobody claims yet.
     *
     * @return the citizen ids claimed now; the others were claimed before (by anyone) and are left as they are
     */
    Set<String> claimFree(Map<String, String> wanted) {
        return taken.applyAll(wanted.entrySet().stream()
                .map(w -> Change.create(new Claim(w.getKey(), w.getValue()))).toList()).applied();
    }

    /** The household that claims {@code citizenId}, if any (the claim may be stale: check the household). */
    Optional<String> holder(String citizenId) {
        return taken.find(citizenId).map(Claim::householdId);
    }

    /** Releases the claim if {@code householdId} holds it. */
    void release(String citizenId, String householdId) {
        claims.deleteOne(Guards.where(citizenId, "householdId", householdId));
    }

    /** Moves the claim from one household to another, as a person moves; claims it afresh if it was lost. */
    void transfer(String citizenId, String fromHouseholdId, String toHouseholdId,
            Function<String, Optional<Household>> lookup) {
        var moved = claims.updateOne(Guards.where(citizenId, "householdId", fromHouseholdId), Updates.set("householdId", toHouseholdId));
        if (moved.getMatchedCount() == 0) {
            claim(citizenId, toHouseholdId, lookup);
        }
    }
}
