package vn.giamngheo.policy.catalog;

import java.math.BigDecimal;
import java.util.Map;
import vn.giamngheo.platform.rules.IntExpression;

/**
 * What a policy gives, as whole-number expressions over {@code household}, {@code person} and {@code amount}: one kind
 * only (a premium share, a fee exemption, a monthly or one-off amount, a loan with its rate, or a service).
 */
public record EntitlementRule(
        IntExpression premiumSupportPercent,
        IntExpression exemptionPercent,
        IntExpression monthlyAmountVnd,
        IntExpression oneOffAmountVnd,
        IntExpression maxLoanVnd,
        IntExpression annualInterestBasisPoints,
        String service) {

    public Entitlement evaluate(Map<String, ?> variables) {
        return new Entitlement(
                percent(premiumSupportPercent, variables),
                percent(exemptionPercent, variables),
                value(monthlyAmountVnd, variables),
                value(oneOffAmountVnd, variables),
                value(maxLoanVnd, variables),
                annualInterestBasisPoints == null ? null
                        : BigDecimal.valueOf(annualInterestBasisPoints.evaluate(variables), 2).stripTrailingZeros(),
                service);
    }

    private static Integer percent(IntExpression e, Map<String, ?> variables) {
        return e == null ? null : Math.toIntExact(e.evaluate(variables));
    }

    private static Long value(IntExpression e, Map<String, ?> variables) {
        return e == null ? null : e.evaluate(variables);
    }
}
