package vn.giamngheo.household.classification;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What the indicators need to know of one member; ages are derived for the reference date. */
public record MemberFacts(
        LocalDate dateOfBirth,
        boolean hasHealthInsurance,
        boolean attendingSchool,
        Education education,
        Employment employment,
        boolean unableToWork,
        boolean malnourished,
        boolean receivesSocialAllowance) {

    public MemberFacts {
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(education, "education");
        Objects.requireNonNull(employment, "employment");
    }

    Map<String, Object> toCel(LocalDate referenceDate) {
        Period age = Period.between(dateOfBirth, referenceDate);
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("ageYears", (long) age.getYears());
        member.put("ageMonths", age.toTotalMonths());
        member.put("hasHealthInsurance", hasHealthInsurance);
        member.put("attendingSchool", attendingSchool);
        member.put("education", education.name());
        member.put("employment", employment.name());
        member.put("unableToWork", unableToWork);
        member.put("malnourished", malnourished);
        member.put("receivesSocialAllowance", receivesSocialAllowance);
        return member;
    }
}
