package vn.giamngheo.contracts.household;

import java.time.LocalDate;
import vn.giamngheo.contracts.Require;

/** What consumers need to know of a member to decide benefits; no name and no citizen id (design §8). */
public record MemberFact(String personId, LocalDate dateOfBirth, String sex, String relationToHead) {

    public MemberFact {
        Require.present(personId, "members[].personId");
        Require.present(dateOfBirth, "members[].dateOfBirth");
        Require.present(sex, "members[].sex");
        Require.present(relationToHead, "members[].relationToHead");
    }
}
