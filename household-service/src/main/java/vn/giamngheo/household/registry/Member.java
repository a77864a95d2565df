package vn.giamngheo.household.registry;

import java.time.LocalDate;
import vn.giamngheo.contracts.household.MemberFact;

/**
 * A person in a household.
 *
 * @param citizenId CCCD, 12 digits; null for a child without one yet
 */
public record Member(String personId, String fullName, LocalDate dateOfBirth, Sex sex, String citizenId,
        Relation relationToHead) {

    MemberFact fact() {
        return new MemberFact(personId, dateOfBirth, sex.name(), relationToHead.name());
    }
}
