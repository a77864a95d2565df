package vn.giamngheo.household.classification;

import java.util.Set;
import vn.giamngheo.platform.rules.Condition;

/**
 * One deprivation indicator of a standard.
 *
 * @param facts        optional facts of the fact model it needs besides the always-present ones
 * @param deprivedWhen CEL over {@code household}
 * @param reason       Vietnamese text shown when a household is deprived on it
 */
public record DeprivationIndicator(
        String code,
        String dimension,
        String nameVi,
        String nameEn,
        String legalReference,
        boolean provisional,
        Set<String> facts,
        Condition deprivedWhen,
        String reason) {
}
