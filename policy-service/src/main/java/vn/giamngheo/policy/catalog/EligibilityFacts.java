package vn.giamngheo.policy.catalog;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The fact model of policy conditions (policies/README.md): what is known of a household and its members, with the
 * derived values (ages, the newly-escaped window, what each receives) computed for a reference date.
 *
 * @param escapedPovertyOn       the decision that took the household out of poverty; null if none
 * @param electricityKwhPerMonth the household's monthly electricity use as a department recorded it; null when not
 *                               recorded
 * @param receipts               the benefits the household and its members receive, from every department's decisions
 */
public record EligibilityFacts(String classification, LocalDate classifiedSince, LocalDate escapedPovertyOn,
        String unitCode, boolean farming, Long electricityKwhPerMonth, List<Person> members, List<Receipt> receipts) {

    /** Decision 28/2015/QĐ-TTg: newly escaped for 36 months from the recognition decision. */
    public static final int NEWLY_ESCAPED_MONTHS = 36;

    /** The value of a number a department has not recorded: conditions must not read it as zero. */
    public static final long NOT_RECORDED = -1;

    /**
     * @param schooling             NONE, PRESCHOOL, PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY, VOCATIONAL or HIGHER
     * @param pensionVnd            the person's own monthly pension or social-insurance benefit; 0 when none,
     *                              {@link #NOT_RECORDED} when one is paid but its amount was not recorded (what the
     *                              former yes/no {@code hasPension: true} said)
     * @param disability            NONE, SEVERE or PARTICULARLY_SEVERE
     * @param noOneObligedToSupport Decree 20/2021 Art. 5 cl. 5 pt. a: no one has the obligation and right to support
     *                              this elderly person, or the one who has receives monthly social assistance
     */
    public record Person(String personId, LocalDate dateOfBirth, String schooling, boolean publicSchool,
            long pensionVnd, String disability, boolean noOneObligedToSupport) {

        /** A member of whom nothing but the birth date is recorded. */
        public static Person born(String personId, LocalDate dateOfBirth) {
            return new Person(personId, dateOfBirth, "NONE", true, 0, "NONE", false);
        }

        public Person withSchooling(String schooling, boolean publicSchool) {
            return new Person(personId, dateOfBirth, schooling, publicSchool, pensionVnd, disability,
                    noOneObligedToSupport);
        }

        public Person withPension(long pensionVnd) {
            return new Person(personId, dateOfBirth, schooling, publicSchool, pensionVnd, disability,
                    noOneObligedToSupport);
        }

        public Person withDisability(String disability) {
            return new Person(personId, dateOfBirth, schooling, publicSchool, pensionVnd, disability,
                    noOneObligedToSupport);
        }

        public Person withNoOneObligedToSupport(boolean noOneObligedToSupport) {
            return new Person(personId, dateOfBirth, schooling, publicSchool, pensionVnd, disability,
                    noOneObligedToSupport);
        }
    }

    /**
     * A benefit decision in force from {@code from} to {@code to} (inclusive; null while open).
     *
     * @param personId null for a benefit to the household
     */
    public record Receipt(String policyCode, String personId, LocalDate from, LocalDate to) {

        boolean inForceOn(LocalDate date) {
            return !date.isBefore(from) && (to == null || !date.isAfter(to));
        }
    }

    public EligibilityFacts {
        members = List.copyOf(members);
        receipts = List.copyOf(receipts);
    }

    /** A household of which the departments have recorded nothing of their own and which receives nothing yet. */
    public EligibilityFacts(String classification, LocalDate classifiedSince, LocalDate escapedPovertyOn,
            String unitCode, boolean farming, List<Person> members) {
        this(classification, classifiedSince, escapedPovertyOn, unitCode, farming, null, members, List.of());
    }

    public EligibilityFacts withReceipts(List<Receipt> receipts) {
        return new EligibilityFacts(classification, classifiedSince, escapedPovertyOn, unitCode, farming,
                electricityKwhPerMonth, members, receipts);
    }

    public EligibilityFacts withElectricityKwhPerMonth(Long kwh) {
        return new EligibilityFacts(classification, classifiedSince, escapedPovertyOn, unitCode, farming, kwh,
                members, receipts);
    }

    public boolean newlyEscapedOn(LocalDate date) {
        return escapedPovertyOn != null && !date.isBefore(escapedPovertyOn)
                && date.isBefore(escapedPovertyOn.plusMonths(NEWLY_ESCAPED_MONTHS));
    }

    Map<String, Object> household(LocalDate date, String formerProvince) {
        long months = classifiedSince == null ? -1 : Math.max(0, Period.between(classifiedSince, date).toTotalMonths());
        TreeSet<String> receives = new TreeSet<>();
        receipts.stream().filter(r -> r.inForceOn(date)).forEach(r -> receives.add(r.policyCode()));
        return householdVariables(classification, farming, newlyEscapedOn(date), months, formerProvince,
                electricityKwhPerMonth == null ? NOT_RECORDED : electricityKwhPerMonth, List.copyOf(receives));
    }

    Map<String, Object> person(Person p, LocalDate date) {
        TreeSet<String> receives = new TreeSet<>();
        receipts.stream().filter(r -> p.personId().equals(r.personId()) && r.inForceOn(date))
                .forEach(r -> receives.add(r.policyCode()));
        return personVariables(Period.between(p.dateOfBirth(), date).getYears(), p.schooling(), p.publicSchool(),
                p.pensionVnd(), p.disability(), p.noOneObligedToSupport(), List.copyOf(receives));
    }

    static Map<String, Object> householdVariables(String classification, boolean farming, boolean newlyEscaped,
            long monthsInClass, String formerProvince, long electricityKwhPerMonth, List<String> receives) {
        return Map.of("classification", classification, "farming", farming, "newlyEscaped", newlyEscaped,
                "monthsInClass", monthsInClass, "formerProvince", formerProvince == null ? "" : formerProvince,
                "electricityKwhPerMonth", electricityKwhPerMonth, "receives", receives);
    }

    static Map<String, Object> personVariables(long ageYears, String schooling, boolean publicSchool,
            long pensionVnd, String disability, boolean noOneObligedToSupport, List<String> receives) {
        // hasPension stays for conditions written before the amount was recorded.
        return Map.of("ageYears", ageYears, "schooling", schooling, "publicSchool", publicSchool,
                "hasPension", pensionVnd != 0, "pensionVnd", pensionVnd, "disability", disability,
                "noOneObligedToSupport", noOneObligedToSupport, "receives", receives);
    }
}
