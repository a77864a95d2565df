package vn.giamngheo.policy.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import vn.giamngheo.platform.rules.IntExpression;

/**
 * What a policy gives, as whole-number expressions over {@code household}, {@code person} and {@code amount}: one kind
 * only (a premium share, a fee exemption, a monthly or one-off amount, a loan with its rate, or a service).
 *
 * @param annualInterest      the loan's yearly rate in units of {@code 10^-interestScale} percent
 * @param interestScale       2 for basis points (6.60 % = 660), 3 for thousandths of a percent (7.488 % = 7488)
 */
public record EntitlementRule(
        IntExpression premiumSupportPercent,
        IntExpression exemptionPercent,
        IntExpression monthlyAmountVnd,
        IntExpression oneOffAmountVnd,
        IntExpression maxLoanVnd,
        IntExpression maxLoanPerMonthVnd,
        IntExpression annualInterest,
        int interestScale,
        String service) {

    public Entitlement evaluate(Map<String, ?> variables) {
        return new Entitlement(
                percent(premiumSupportPercent, variables),
                percent(exemptionPercent, variables),
                value(monthlyAmountVnd, variables),
                value(oneOffAmountVnd, variables),
                value(maxLoanVnd, variables),
                value(maxLoanPerMonthVnd, variables),
                annualInterest == null ? null
                        : BigDecimal.valueOf(annualInterest.evaluate(variables), interestScale).stripTrailingZeros(),
                service);
    }

    /** The text of each expression, for what reads the rules (which receipts they need). */
    List<String> expressions() {
        return Stream.of(premiumSupportPercent, exemptionPercent, monthlyAmountVnd, oneOffAmountVnd,
                maxLoanVnd, maxLoanPerMonthVnd, annualInterest).filter(Objects::nonNull)
                .map(IntExpression::expression).toList();
    }

    private static Integer percent(IntExpression e, Map<String, ?> variables) {
        return e == null ? null : Math.toIntExact(e.evaluate(variables));
    }

    private static Long value(IntExpression e, Map<String, ?> variables) {
        return e == null ? null : e.evaluate(variables);
    }
}
