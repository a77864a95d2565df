package vn.giamngheo.household.classification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The documented fact model of a household (standards/README.md), from which the deprivation indicators are derived
 * for a reference date.
 *
 * @param wasteHandling       needed only by standards with a waste indicator; null when not surveyed
 * @param sickMemberUntreated needed only by the 2016–2020 standard; null when not surveyed
 */
public record HouseholdFacts(
        List<MemberFacts> members,
        BigDecimal floorAreaM2,
        boolean hasDwelling,
        boolean wallsDurable,
        boolean frameDurable,
        boolean roofDurable,
        WaterSource waterSource,
        Latrine latrine,
        boolean usesTelecom,
        boolean usesInternet,
        Set<InformationMeans> informationMeans,
        WasteHandling wasteHandling,
        Boolean sickMemberUntreated) {

    /** Facts that a standard's indicator may require by name ({@code facts:} in the standard file). */
    public static final Set<String> OPTIONAL_FACTS = Set.of("wasteHandling", "sickMemberUntreated");

    public HouseholdFacts {
        members = List.copyOf(members);
        informationMeans = Set.copyOf(informationMeans);
        Objects.requireNonNull(floorAreaM2, "floorAreaM2");
        Objects.requireNonNull(waterSource, "waterSource");
        Objects.requireNonNull(latrine, "latrine");
    }

    /** The optional facts this household has. */
    public Set<String> presentOptionalFacts() {
        Set<String> present = new LinkedHashSet<>();
        if (wasteHandling != null) {
            present.add("wasteHandling");
        }
        if (sickMemberUntreated != null) {
            present.add("sickMemberUntreated");
        }
        return present;
    }

    /** The {@code household} variable of the indicator conditions. */
    public Map<String, Object> toCel(LocalDate referenceDate) {
        Map<String, Object> household = new LinkedHashMap<>();
        household.put("members", members.stream().map(m -> m.toCel(referenceDate)).toList());
        household.put("floorAreaM2", floorAreaM2.doubleValue());
        household.put("hasDwelling", hasDwelling);
        household.put("wallsDurable", wallsDurable);
        household.put("frameDurable", frameDurable);
        household.put("roofDurable", roofDurable);
        household.put("waterSource", waterSource.name());
        household.put("latrine", latrine.name());
        household.put("usesTelecom", usesTelecom);
        household.put("usesInternet", usesInternet);
        household.put("informationMeans", informationMeans.stream().map(Enum::name).sorted().toList());
        if (wasteHandling != null) {
            household.put("wasteHandling", wasteHandling.name());
        }
        if (sickMemberUntreated != null) {
            household.put("sickMemberUntreated", sickMemberUntreated);
        }
        return household;
    }
}
