package vn.giamngheo.policy.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** What one decision gives; only the fields of its kind are set. Amounts are those in force on the decision's date. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entitlement(
        Integer premiumSupportPercent,
        Integer exemptionPercent,
        Long monthlyAmountVnd,
        Long oneOffAmountVnd,
        Long maxLoanVnd,
        BigDecimal annualInterestPercent,
        String service) {
}
