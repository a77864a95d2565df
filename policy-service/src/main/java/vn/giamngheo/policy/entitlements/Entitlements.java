package vn.giamngheo.policy.entitlements;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.annotation.JsonInclude;
import vn.giamngheo.policy.catalog.PolicyCatalog;
import vn.giamngheo.policy.catalog.PolicyVersion;
import vn.giamngheo.policy.catalog.Schedule;
import vn.giamngheo.policy.decisions.BenefitDecision;

/**
 * What is owed to whom for a period, from the decisions and the amounts in force on each date.
 * <ul>
 * <li>A month counts when the decision is in force on any day of it, with the entitlement in force on the first such
 * day (assistance is paid from the month of the decision and stops from the month after it ends).</li>
 * <li>Cash: the monthly amount; {@code SCHOOL_MONTHS} schedules count September to May only (nine months a school
 * year); a one-off amount counts in the month the decision starts.</li>
 * <li>A premium share: the share of the policy's monthly basis in force then (4.5 % of the base salary for health
 * insurance), rounded to the đồng.</li>
 * <li>A fee exemption: the share for each school month; no amount, as fees differ by school.</li>
 * <li>Loans and services are not owed by period and are left out.</li>
 * </ul>
 */
public final class Entitlements {

    private static final Set<Month> SUMMER = Set.of(Month.JUNE, Month.JULY, Month.AUGUST);

    /** @param amountVnd null where the entitlement has no amount (a fee exemption) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MonthOwed(YearMonth month, Integer sharePercent, Long amountVnd) {
    }

    /**
     * One decision's months in the period.
     *
     * @param unitCode the commune the household was last seen in (lists over every household; null in a household's)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String decisionId, String policyCode, String department, String householdId, String personId,
            String kind, List<MonthOwed> months, Long totalVnd, String unitCode) {

        Line inUnit(String unit) {
            return new Line(decisionId, policyCode, department, householdId, personId, kind, months, totalVnd, unit);
        }
    }

    public record PolicyTotal(String policyCode, long beneficiaries, long months, long totalVnd) {
    }

    public record Report(String period, LocalDate from, LocalDate to, String department, String householdId,
            List<PolicyTotal> totals, List<Line> lines) {

        /** The same report with each line's commune ({@code unitOf}: household id → unit code). */
        public Report withUnits(Map<String, String> unitOf) {
            return new Report(period, from, to, department, householdId, totals,
                    lines.stream().map(l -> l.inUnit(unitOf.get(l.householdId()))).toList());
        }
    }

    private final PolicyCatalog catalog;

    public Entitlements(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    public Report report(Period period, String department, String householdId, List<BenefitDecision> decisions) {
        List<Line> lines = new ArrayList<>();
        for (BenefitDecision d : decisions) {
            Line line = line(d, period);
            if (line != null) {
                lines.add(line);
            }
        }
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (Line line : lines) {
            long[] sum = sums.computeIfAbsent(line.policyCode(), k -> new long[3]);
            sum[0]++;
            sum[1] += line.months().size();
            sum[2] += line.totalVnd() == null ? 0 : line.totalVnd();
        }
        List<PolicyTotal> totals = sums.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new PolicyTotal(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        return new Report(period.name(), period.from(), period.to(), department, householdId, totals, lines);
    }

    /** The decision's months in the period, or null when nothing is owed in it. */
    Line line(BenefitDecision d, Period period) {
        String kind = d.entitlement().kind();
        if (kind.equals("LOAN") || kind.equals("SERVICE")) {
            return null;
        }
        Schedule schedule = catalog.version(d.policyVersion()).map(PolicyVersion::schedule).orElse(Schedule.MONTHLY);
        boolean schoolMonthsOnly = schedule == Schedule.SCHOOL_MONTHS || kind.equals("FEE_EXEMPTION");
        List<MonthOwed> months = new ArrayList<>();
        boolean anyAmount = false;
        long total = 0;
        for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to()));
                month = month.plusMonths(1)) {
            LocalDate first = month.atDay(1).isBefore(d.validFrom()) ? d.validFrom() : month.atDay(1);
            if (first.isAfter(month.atEndOfMonth()) || (d.validTo() != null && first.isAfter(d.validTo()))) {
                continue;
            }
            if (schoolMonthsOnly && SUMMER.contains(month.getMonth())) {
                continue;
            }
            BenefitDecision.Change change = d.on(first);
            if (change == null) {
                continue;
            }
            var e = change.entitlement();
            MonthOwed owed;
            if (kind.equals("CASH")) {
                if ("ONCE".equals(e.period()) && !YearMonth.from(d.validFrom()).equals(month)) {
                    continue;
                }
                owed = new MonthOwed(month, null, e.amountVnd());
            } else if (kind.equals("PREMIUM_SHARE")) {
                Long basis = catalog.version(change.policyVersion()).map(v -> v.monthlyBasisOn(first)).orElse(null);
                owed = new MonthOwed(month, e.sharePercent(), basis == null ? null : BigDecimal.valueOf(basis)
                        .multiply(BigDecimal.valueOf(e.sharePercent())).divide(BigDecimal.valueOf(100), 0,
                                RoundingMode.HALF_UP).longValueExact());
            } else {
                owed = new MonthOwed(month, e.sharePercent(), null);
            }
            if (owed.amountVnd() != null) {
                anyAmount = true;
                total += owed.amountVnd();
            }
            months.add(owed);
        }
        if (months.isEmpty()) {
            return null;
        }
        return new Line(d.id(), d.policyCode(), d.department(), d.householdId(), d.personId(), kind, months,
                anyAmount ? total : null, null);
    }

    /** A year ({@code 2026}), a quarter ({@code 2026-Q4}) or a month ({@code 2026-11}). */
    public record Period(String name, LocalDate from, LocalDate to) {

        public static Period parse(String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("is required: a year (2026), a quarter (2026-Q4) or a month (2026-11)");
            }
            try {
                if (text.matches("\\d{4}")) {
                    int year = Integer.parseInt(text);
                    return new Period(text, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
                }
                if (text.matches("\\d{4}-Q[1-4]")) {
                    int year = Integer.parseInt(text.substring(0, 4));
                    int quarter = text.charAt(6) - '0';
                    YearMonth first = YearMonth.of(year, quarter * 3 - 2);
                    return new Period(text, first.atDay(1), first.plusMonths(2).atEndOfMonth());
                }
                if (text.matches("\\d{4}-\\d{2}")) {
                    YearMonth month = YearMonth.parse(text);
                    return new Period(text, month.atDay(1), month.atEndOfMonth());
                }
            } catch (java.time.DateTimeException e) {
                // falls through to the message below
            }
            throw new IllegalArgumentException("'" + text
                    + "' is not a year (2026), a quarter (2026-Q4) or a month (2026-11)");
        }
    }
}
