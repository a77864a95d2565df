package vn.giamngheo.household.registry;

import java.time.Instant;
import java.util.List;
import vn.giamngheo.contracts.household.HouseholdRegistered;

/**
 * A household of the registry (hộ gia đình), the aggregate whose id keys its events. Plain Java: its rules are tested
 * without Spring, Mongo or Kafka.
 *
 * @param version the sequence of its latest event
 */
public record Household(String id, String unitCode, String village, List<Member> members, Instant registeredAt,
        long version) {

    public Household {
        members = List.copyOf(members);
    }

    /** A new household and the event that records it. */
    public static Registration register(String id, String unitCode, String village, List<Member> members,
            Instant now) {
        long heads = members.stream().filter(m -> m.relationToHead() == Relation.HEAD).count();
        if (heads != 1) {
            throw new RegistryRuleException("members", "a household has exactly one head (HEAD), found " + heads);
        }
        Household household = new Household(id, unitCode, village, members, now, 1);
        HouseholdRegistered event = new HouseholdRegistered(id, household.version(), unitCode, village, now,
                members.stream().map(Member::fact).toList());
        return new Registration(household, event);
    }

    public record Registration(Household household, HouseholdRegistered event) {
    }
}
