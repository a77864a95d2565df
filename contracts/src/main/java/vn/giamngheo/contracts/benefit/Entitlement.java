package vn.giamngheo.contracts.benefit;

import java.math.BigDecimal;
import vn.giamngheo.contracts.Require;

/**
 * What a decision gives. Only the fields of its kind are set.
 *
 * @param kind                      PREMIUM_SHARE, FEE_EXEMPTION, CASH, LOAN or SERVICE
 * @param sharePercent              premium share or fee exemption, 0–100
 * @param amountVnd                 cash per period, in VND
 * @param period                    MONTHLY, QUARTERLY, YEARLY or ONCE for cash; for a loan, MONTHLY when the ceiling
 *                                  is per month of study (student loans), null when it is for the whole loan
 * @param ceilingVnd                loan ceiling (per {@code period} when one is given)
 * @param annualInterestRatePercent loan rate, e.g. 6.60
 */
public record Entitlement(
        String kind,
        Integer sharePercent,
        Long amountVnd,
        String period,
        Long ceilingVnd,
        BigDecimal annualInterestRatePercent) {

    public Entitlement {
        Require.present(kind, "entitlement.kind");
    }
}
