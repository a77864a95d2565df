package vn.giamngheo.household.classification;

import dev.cel.common.types.SimpleType;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import vn.giamngheo.platform.rules.FactRecord;
import vn.giamngheo.platform.rules.RecordType;

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

    /** A member as the rules see it ({@code m} in {@code household.members.exists(m, …)}), declared to CEL. */
    static final RecordType CEL_TYPE = RecordType.named("giamngheo.household.Member")
            .field("ageYears", SimpleType.INT)
            .field("ageMonths", SimpleType.INT)
            .field("hasHealthInsurance", SimpleType.BOOL)
            .field("attendingSchool", SimpleType.BOOL)
            .field("education", SimpleType.STRING)
            .field("employment", SimpleType.STRING)
            .field("unableToWork", SimpleType.BOOL)
            .field("malnourished", SimpleType.BOOL)
            .field("receivesSocialAllowance", SimpleType.BOOL)
            .build();

    FactRecord toCel(LocalDate referenceDate) {
        Period age = Period.between(dateOfBirth, referenceDate);
        return CEL_TYPE.builder()
                .set("ageYears", (long) age.getYears())
                .set("ageMonths", age.toTotalMonths())
                .set("hasHealthInsurance", hasHealthInsurance)
                .set("attendingSchool", attendingSchool)
                .set("education", education.name())
                .set("employment", employment.name())
                .set("unableToWork", unableToWork)
                .set("malnourished", malnourished)
                .set("receivesSocialAllowance", receivesSocialAllowance)
                .build();
    }
}
