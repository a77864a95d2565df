package vn.giamngheo.household.classification;

import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.giamngheo.platform.rules.FactRecord;
import vn.giamngheo.platform.rules.RecordType;

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

    /**
     * The {@code household} variable of the indicator conditions, declared to CEL: a rule that reads a field not
     * listed here, or compares one with a value of another type, is refused when its standard file is loaded.
     */
    static final RecordType CEL_TYPE = RecordType.named("giamngheo.household.Household")
            .listField("members", MemberFacts.CEL_TYPE)
            .field("floorAreaM2", SimpleType.DOUBLE)
            .field("hasDwelling", SimpleType.BOOL)
            .field("wallsDurable", SimpleType.BOOL)
            .field("frameDurable", SimpleType.BOOL)
            .field("roofDurable", SimpleType.BOOL)
            .field("waterSource", SimpleType.STRING)
            .field("latrine", SimpleType.STRING)
            .field("usesTelecom", SimpleType.BOOL)
            .field("usesInternet", SimpleType.BOOL)
            .field("informationMeans", ListType.create(SimpleType.STRING))
            .optionalField("wasteHandling", SimpleType.STRING)
            .optionalField("sickMemberUntreated", SimpleType.BOOL)
            .build();

    /** The {@code household} variable of the indicator conditions (a map of its fields, in this order). */
    public FactRecord toCel(LocalDate referenceDate) {
        List<FactRecord> cel = new ArrayList<>(members.size());
        for (MemberFacts member : members) {
            cel.add(member.toCel(referenceDate));
        }
        return CEL_TYPE.builder()
                .set("members", List.copyOf(cel))
                .set("floorAreaM2", floorAreaM2.doubleValue())
                .set("hasDwelling", hasDwelling)
                .set("wallsDurable", wallsDurable)
                .set("frameDurable", frameDurable)
                .set("roofDurable", roofDurable)
                .set("waterSource", waterSource.name())
                .set("latrine", latrine.name())
                .set("usesTelecom", usesTelecom)
                .set("usesInternet", usesInternet)
                .set("informationMeans", informationMeans.stream().map(Enum::name).sorted().toList())
                .set("wasteHandling", wasteHandling == null ? null : wasteHandling.name())
                .set("sickMemberUntreated", sickMemberUntreated)
                .build();
    }
}
