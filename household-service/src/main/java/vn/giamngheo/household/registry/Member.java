package vn.giamngheo.household.registry;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.giamngheo.contracts.household.MemberFact;

/**
 * A person in a household. Members who leave are kept with the date and reason: history is never overwritten.
 *
 * @param citizenId CCCD, 12 digits; null for a child without one yet
 * @param leftOn    null while active
 * @param sensitive sensitive personal data (Decree 13/2023 Art. 2(4)); null when none was recorded
 */
public record Member(String personId, String fullName, LocalDate dateOfBirth, Sex sex, String citizenId,
        Relation relationToHead, MemberStatus status, LocalDate joinedOn, LocalDate leftOn, String leftReason,
        Sensitive sensitive) {

    /**
     * Sensitive personal data: returned only to the roles that need it (the Labour office, ward officers and the
     * administrator), never put on an event.
     *
     * @param ethnicity  dân tộc, e.g. "Kinh", "Sán Dìu"
     * @param disability the disability and its level as certified, e.g. "Khuyết tật vận động, mức độ nặng"
     * @param health     a health condition that matters to the review (chronic illness, malnutrition)
     */
    public record Sensitive(@Size(max = 60) String ethnicity, @Size(max = 200) String disability,
            @Size(max = 200) String health) {
    }

    public Member(String personId, String fullName, LocalDate dateOfBirth, Sex sex, String citizenId,
            Relation relationToHead, MemberStatus status, LocalDate joinedOn, LocalDate leftOn, String leftReason) {
        this(personId, fullName, dateOfBirth, sex, citizenId, relationToHead, status, joinedOn, leftOn, leftReason,
                null);
    }

    public static Member joining(String personId, String fullName, LocalDate dateOfBirth, Sex sex, String citizenId,
            Relation relationToHead, LocalDate joinedOn) {
        return joining(personId, fullName, dateOfBirth, sex, citizenId, relationToHead, joinedOn, null);
    }

    public static Member joining(String personId, String fullName, LocalDate dateOfBirth, Sex sex, String citizenId,
            Relation relationToHead, LocalDate joinedOn, Sensitive sensitive) {
        return new Member(personId, fullName, dateOfBirth, sex, citizenId, relationToHead, MemberStatus.ACTIVE,
                joinedOn, null, null, sensitive);
    }

    /** The same member with corrected identity data (a correction on the person's request). */
    Member corrected(String fullName, LocalDate dateOfBirth, Sex sex, String citizenId, Sensitive sensitive) {
        return new Member(personId, fullName, dateOfBirth, sex, citizenId, relationToHead, status, joinedOn, leftOn,
                leftReason, sensitive);
    }

    public boolean active() {
        return status == MemberStatus.ACTIVE;
    }

    Member leaving(LocalDate on, String reason) {
        return new Member(personId, fullName, dateOfBirth, sex, citizenId, relationToHead, MemberStatus.LEFT, joinedOn,
                on, reason, sensitive);
    }

    Member withRelation(Relation relation) {
        return new Member(personId, fullName, dateOfBirth, sex, citizenId, relation, status, joinedOn, leftOn,
                leftReason, sensitive);
    }

    /** The same person joining another household. */
    Member joiningAs(Relation relation, LocalDate on) {
        return joining(personId, fullName, dateOfBirth, sex, citizenId, relation, on, sensitive);
    }

    MemberFact fact() {
        return new MemberFact(personId, dateOfBirth, sex.name(), relationToHead.name());
    }
}
