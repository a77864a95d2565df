package vn.giamngheo.policy.catalog;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * The fact model of policy conditions (policies/README.md): what is known of a household and its members, with the
 * derived values (ages, the newly-escaped window) computed for a reference date.
 *
 * @param escapedPovertyOn the decision that took the household out of poverty; null if none
 */
public record EligibilityFacts(String classification, LocalDate classifiedSince, LocalDate escapedPovertyOn,
        String unitCode, boolean farming, List<Person> members) {

    /** Decision 28/2015/QĐ-TTg: newly escaped for 36 months from the recognition decision. */
    public static final int NEWLY_ESCAPED_MONTHS = 36;

    /**
     * @param schooling NONE, PRESCHOOL, PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY, VOCATIONAL or HIGHER
     * @param disability NONE, SEVERE or PARTICULARLY_SEVERE
     */
    public record Person(String personId, LocalDate dateOfBirth, String schooling, boolean publicSchool,
            boolean hasPension, String disability) {
    }

    public EligibilityFacts {
        members = List.copyOf(members);
    }

    public boolean newlyEscapedOn(LocalDate date) {
        return escapedPovertyOn != null && !date.isBefore(escapedPovertyOn)
                && date.isBefore(escapedPovertyOn.plusMonths(NEWLY_ESCAPED_MONTHS));
    }

    Map<String, Object> household(LocalDate date) {
        long months = classifiedSince == null ? -1 : Math.max(0, Period.between(classifiedSince, date).toTotalMonths());
        return householdVariables(classification, farming, newlyEscapedOn(date), months);
    }

    static Map<String, Object> person(Person p, LocalDate date) {
        return personVariables(Period.between(p.dateOfBirth(), date).getYears(), p.schooling(), p.publicSchool(),
                p.hasPension(), p.disability());
    }

    static Map<String, Object> householdVariables(String classification, boolean farming, boolean newlyEscaped,
            long monthsInClass) {
        return Map.of("classification", classification, "farming", farming, "newlyEscaped", newlyEscaped,
                "monthsInClass", monthsInClass);
    }

    static Map<String, Object> personVariables(long ageYears, String schooling, boolean publicSchool,
            boolean hasPension, String disability) {
        return Map.of("ageYears", ageYears, "schooling", schooling, "publicSchool", publicSchool,
                "hasPension", hasPension, "disability", disability);
    }
}
