package vn.giamngheo.household.classification;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A household's income as surveyed. Lines are compared exactly, in integers (design §8): with annual income,
 * {@code annual ≤ line × 12 × members}; a per-capita figure is compared as given.
 */
public sealed interface Income {

    /** True when the income is at or below a monthly per-person line (Decree 07/2021: "trở xuống" is inclusive). */
    boolean within(long monthlyLine);

    /**
     * Monthly income per person, for display. Rounded up to two decimals so that an income above a line never
     * shows as equal to it (72,000,004 VND a year for 4 people is 1,500,000.09, not 1,500,000).
     */
    BigDecimal monthlyPerCapita();

    record Annual(long annualVnd, int members) implements Income {

        public Annual {
            if (annualVnd < 0) {
                throw new IllegalArgumentException("annual income cannot be negative");
            }
            if (members < 1) {
                throw new IllegalArgumentException("a household has at least one member");
            }
        }

        @Override
        public boolean within(long monthlyLine) {
            return BigDecimal.valueOf(annualVnd)
                    .compareTo(BigDecimal.valueOf(monthlyLine).multiply(BigDecimal.valueOf(12L * members))) <= 0;
        }

        @Override
        public BigDecimal monthlyPerCapita() {
            return BigDecimal.valueOf(annualVnd).divide(BigDecimal.valueOf(12L * members), 2, RoundingMode.CEILING)
                    .stripTrailingZeros();
        }
    }

    record MonthlyPerCapita(long vnd) implements Income {

        public MonthlyPerCapita {
            if (vnd < 0) {
                throw new IllegalArgumentException("income cannot be negative");
            }
        }

        @Override
        public boolean within(long monthlyLine) {
            return vnd <= monthlyLine;
        }

        @Override
        public BigDecimal monthlyPerCapita() {
            return BigDecimal.valueOf(vnd);
        }
    }
}
