package vn.giamngheo.policy.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * What one decision gives; only the fields of its kind are set. Amounts are those in force on the decision's date.
 *
 * @param maxLoanPerMonthVnd a loan whose ceiling is per month of study (student loans), instead of {@code maxLoanVnd}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entitlement(
        Integer premiumSupportPercent,
        Integer exemptionPercent,
        Long monthlyAmountVnd,
        Long oneOffAmountVnd,
        Long maxLoanVnd,
        Long maxLoanPerMonthVnd,
        BigDecimal annualInterestPercent,
        String service) {

    /** The ceiling of a loan, whatever its period; null when this is not a loan. */
    public Long loanCeilingVnd() {
        return maxLoanVnd != null ? maxLoanVnd : maxLoanPerMonthVnd;
    }
}
