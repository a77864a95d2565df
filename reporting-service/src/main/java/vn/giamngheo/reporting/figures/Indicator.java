package vn.giamngheo.reporting.figures;

import java.util.Arrays;
import java.util.Optional;

/**
 * The indicators a plan can set targets on and the progress stream carries. Counts and rates are reduced; coverage
 * percentages are reached.
 */
public enum Indicator {
    POOR_HOUSEHOLDS("Số hộ nghèo", "hộ", Goal.REDUCE),
    NEAR_POOR_HOUSEHOLDS("Số hộ cận nghèo", "hộ", Goal.REDUCE),
    POOR_RATE("Tỷ lệ hộ nghèo", "%", Goal.REDUCE),
    NEAR_POOR_RATE("Tỷ lệ hộ cận nghèo", "%", Goal.REDUCE),
    HEALTH_INSURANCE_COVERAGE("Người thuộc hộ nghèo, cận nghèo có thẻ BHYT", "%", Goal.REACH),
    EDUCATION_SUPPORT_COVERAGE("Học sinh thuộc hộ nghèo, cận nghèo được miễn giảm học phí, hỗ trợ chi phí học tập",
            "%", Goal.REACH),
    LOAN_COVERAGE("Hộ nghèo, cận nghèo có nhu cầu được vay vốn ưu đãi", "%", Goal.REACH),
    OFFICERS_TRAINED("Cán bộ làm công tác giảm nghèo được tập huấn", "%", Goal.REACH);

    /** Whether progress means the value going down (by a count or by points) or up to a percentage. */
    public enum Goal {
        REDUCE, REACH
    }

    private final String nameVi;
    private final String unit;
    private final Goal goal;

    Indicator(String nameVi, String unit, Goal goal) {
        this.nameVi = nameVi;
        this.unit = unit;
        this.goal = goal;
    }

    public String nameVi() {
        return nameVi;
    }

    public String unit() {
        return unit;
    }

    public Goal goal() {
        return goal;
    }

    public static Optional<Indicator> find(String code) {
        return Arrays.stream(values()).filter(i -> i.name().equals(code)).findFirst();
    }
}
