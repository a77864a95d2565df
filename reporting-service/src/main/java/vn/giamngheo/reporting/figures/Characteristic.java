package vn.giamngheo.reporting.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.reporting.facts.HouseholdTimeline.Member;

/**
 * The household characteristics of Circular 07/2021's report by characteristic that {@code household.events} let
 * reporting tell: the head's sex and each member's date of birth. Ethnicity and disability are sensitive personal
 * data household-service keeps to itself (Decree 13/2023; its events carry ids, dates of birth, sex and relation
 * only), and no service records a person with meritorious service, so those columns are not produced.
 */
public enum Characteristic {

    /** The head (relation HEAD) is a woman. */
    FEMALE_HEAD("có chủ hộ là nữ"),
    /** Nobody of working age: 15 up to the statutory retirement age (Labour Code 2019 Art. 169, Decree 135/2020). */
    NO_WORKING_AGE_MEMBER("không có thành viên trong độ tuổi lao động");

    private final String label;

    Characteristic(String label) {
        this.label = label;
    }

    /** What the household has, after "Hộ nghèo " or "Hộ cận nghèo " in the report (Vietnamese). */
    public String label() {
        return label;
    }

    /** The characteristics the household with these members has on {@code date}. */
    static List<String> of(List<Member> members, LocalDate date) {
        List<String> found = new ArrayList<>();
        if (members.stream().anyMatch(m -> m.isHead() && "FEMALE".equals(m.sex()))) {
            found.add(FEMALE_HEAD.name());
        }
        if (!members.isEmpty() && members.stream().noneMatch(m -> ofWorkingAge(m, date))) {
            found.add(NO_WORKING_AGE_MEMBER.name());
        }
        return found;
    }

    /**
     * From 15 to the retirement age of the year: men 60 years 3 months in 2021, 3 months more each year up to 62
     * (2028); women 55 years 4 months in 2021, 4 months more each year up to 60 (2035). A member whose sex is not
     * known (a fact recorded before reporting kept it) is taken at the men's age.
     */
    static boolean ofWorkingAge(Member member, LocalDate date) {
        var age = member.dateOfBirth().until(date);
        long months = age.toTotalMonths();
        int steps = Math.max(0, date.getYear() - 2020);
        long retirement = "FEMALE".equals(member.sex())
                ? 55 * 12 + Math.min(4L * steps, 60)
                : 60 * 12 + Math.min(3L * steps, 24);
        return months >= 15 * 12 && months < retirement;
    }
}
