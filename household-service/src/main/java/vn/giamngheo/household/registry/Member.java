package vn.giamngheo.household.registry;

import java.time.LocalDate;
import vn.giamngheo.contracts.household.MemberFact;

/**
 * A person in a household. Members who leave are kept with the date and reason: history is never overwritten.
 *
 * @param citizenId CCCD, 12 digits; null for a child without one yet
 * @param leftOn    null while active
 */
public record Member(String personId, String fullName, LocalDate dateOfBirth, Sex sex, String citizenId,
        Relation relationToHead, MemberStatus status, LocalDate joinedOn, LocalDate leftOn, String leftReason) {

    public static Member joining(String personId, String fullName, LocalDate dateOfBirth, Sex sex, String citizenId,
            Relation relationToHead, LocalDate joinedOn) {
        return new Member(personId, fullName, dateOfBirth, sex, citizenId, relationToHead, MemberStatus.ACTIVE,
                joinedOn, null, null);
    }

    public boolean active() {
        return status == MemberStatus.ACTIVE;
    }

    Member leaving(LocalDate on, String reason) {
        return new Member(personId, fullName, dateOfBirth, sex, citizenId, relationToHead, MemberStatus.LEFT, joinedOn,
                on, reason);
    }

    Member withRelation(Relation relation) {
        return new Member(personId, fullName, dateOfBirth, sex, citizenId, relation, status, joinedOn, leftOn,
                leftReason);
    }

    /** The same person joining another household. */
    Member joiningAs(Relation relation, LocalDate on) {
        return joining(personId, fullName, dateOfBirth, sex, citizenId, relation, on);
    }

    MemberFact fact() {
        return new MemberFact(personId, dateOfBirth, sex.name(), relationToHead.name());
    }
}
