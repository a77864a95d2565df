package vn.giamngheo.household.classification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Builds surveyed facts for tests. {@link #comfortable(LocalDate)} starts from a household deprived on nothing, so a
 * test changes only the fact it is about.
 */
final class FactsBuilder {

    private final LocalDate referenceDate;
    private final List<MemberFacts> members = new ArrayList<>();
    private BigDecimal floorAreaM2 = new BigDecimal("100");
    private boolean hasDwelling = true;
    private boolean walls = true;
    private boolean frame = true;
    private boolean roof = true;
    private WaterSource water = WaterSource.PIPED;
    private Latrine latrine = Latrine.SEPTIC;
    private boolean telecom = true;
    private boolean internet = true;
    private Set<InformationMeans> means = EnumSet.of(InformationMeans.TELEVISION, InformationMeans.SMARTPHONE);
    private WasteHandling waste = WasteHandling.COLLECTED;
    private Boolean sickUntreated = false;

    private FactsBuilder(LocalDate referenceDate) {
        this.referenceDate = referenceDate;
    }

    /** Two working adults of 40, insured, with upper-secondary education and contracts; a good house. */
    static FactsBuilder comfortable(LocalDate referenceDate) {
        return new FactsBuilder(referenceDate).adult(40).adult(40);
    }

    static FactsBuilder empty(LocalDate referenceDate) {
        return new FactsBuilder(referenceDate);
    }

    FactsBuilder adult(int age) {
        return member(bornYearsAgo(age), true, false, Education.UPPER_SECONDARY, Employment.WAGE_WITH_CONTRACT,
                false, false);
    }

    /** A child of this age, insured, at school, well nourished. */
    FactsBuilder child(int age) {
        return member(bornYearsAgo(age), true, true, Education.PRIMARY, Employment.NOT_IN_LABOUR_FORCE, false, false);
    }

    FactsBuilder elder(int age) {
        return member(bornYearsAgo(age), true, false, Education.PRIMARY, Employment.NOT_IN_LABOUR_FORCE, false,
                false);
    }

    FactsBuilder member(LocalDate born, boolean insured, boolean atSchool, Education education, Employment employment,
            boolean unableToWork, boolean malnourished) {
        members.add(new MemberFacts(born, insured, atSchool, education, employment, unableToWork, malnourished,
                false));
        return this;
    }

    FactsBuilder floorArea(String m2) {
        this.floorAreaM2 = new BigDecimal(m2);
        return this;
    }

    FactsBuilder structures(boolean walls, boolean frame, boolean roof) {
        this.walls = walls;
        this.frame = frame;
        this.roof = roof;
        return this;
    }

    FactsBuilder noDwelling() {
        this.hasDwelling = false;
        return this;
    }

    FactsBuilder water(WaterSource water) {
        this.water = water;
        return this;
    }

    FactsBuilder latrine(Latrine latrine) {
        this.latrine = latrine;
        return this;
    }

    FactsBuilder telecom(boolean phone, boolean internet) {
        this.telecom = phone;
        this.internet = internet;
        return this;
    }

    FactsBuilder means(InformationMeans... means) {
        this.means = means.length == 0 ? EnumSet.noneOf(InformationMeans.class) : EnumSet.of(means[0], means);
        return this;
    }

    FactsBuilder waste(WasteHandling waste) {
        this.waste = waste;
        return this;
    }

    FactsBuilder sickUntreated(Boolean sick) {
        this.sickUntreated = sick;
        return this;
    }

    LocalDate bornYearsAgo(int years) {
        return referenceDate.minusYears(years);
    }

    HouseholdFacts build() {
        return new HouseholdFacts(members, floorAreaM2, hasDwelling, walls, frame, roof, water, latrine, telecom,
                internet, means, waste, sickUntreated);
    }
}
