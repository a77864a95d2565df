package vn.giamngheo.household.classification;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.units.AreaType;

/**
 * Classifies a household under one standard for one reference date and area type (Decree 07/2021 Art. 3 cl. 2 and
 * its predecessor and successor, as data). Plain Java: no Spring, no storage.
 */
public final class Classifier {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * @param areaSource how the area type was found, e.g. "Phường Tích Sơn (08707) ngày 01/12/2022", or null when the
     *                   caller stated it
     */
    public Classification classify(PovertyStandard standard, AreaType area, String areaSource, Income income,
            Evidence evidence, LocalDate referenceDate) {
        List<Classification.Deprivation> deprivations = switch (evidence) {
            case Evidence.Declared declared -> declared(standard, declared.indicatorCodes());
            case Evidence.Surveyed surveyed -> derived(standard, surveyed.facts(), income, referenceDate);
        };

        Map<String, Boolean> within = new LinkedHashMap<>();
        standard.incomeLines().forEach((name, byArea) -> within.put(name, income.within(byArea.get(area))));
        Map<String, Object> variables = Map.of("within", within, "deprived", (long) deprivations.size(),
                "areaType", area.name());

        HouseholdClass result = HouseholdClass.ABOVE;
        String why = standard.aboveExplanation();
        for (ClassRule rule : standard.classes()) {
            if (rule.when().test(variables)) {
                result = rule.householdClass();
                why = rule.explanation();
                break;
            }
        }

        List<String> explanation = new ArrayList<>(8 + deprivations.size());
        explanation.add("Chuẩn áp dụng: " + standard.name() + " (" + standard.code() + "; " + standard.legalBasis()
                + "), áp dụng từ " + vnDate(standard.effectiveFrom())
                + (standard.provisional() ? "; chuẩn này còn tạm thời, chưa đối chiếu đủ văn bản gốc." : "."));
        explanation.add("Khu vực " + areaName(area) + (areaSource == null ? "" : " theo " + areaSource)
                + ", ngày tham chiếu " + vnDate(referenceDate) + ".");
        explanation.add("Thu nhập bình quân: " + money(income.monthlyPerCapita()) + " đồng/người/tháng"
                + (income instanceof Income.Annual annual ? " (" + money(BigDecimal.valueOf(annual.annualVnd()))
                        + " đồng/năm, " + annual.members() + " người)" : "") + ".");
        explanation.add("Số chỉ số thiếu hụt: " + deprivations.size() + ".");
        for (Classification.Deprivation d : deprivations) {
            explanation.add("Thiếu hụt " + d.nameVi() + ": " + d.reason());
        }
        explanation.add(render(why, standard, area, income, deprivations.size()));
        Matcher lines = PLACEHOLDER.matcher(why);
        while (lines.find()) {
            String reason = lines.group(1).startsWith("line.")
                    ? standard.provisionalLines().get(lines.group(1).substring("line.".length())) : null;
            if (reason != null) {
                explanation.add("Ngưỡng " + lines.group(1).substring("line.".length()) + " còn tạm thời: " + reason);
            }
        }
        return new Classification(result, standard, area, income.monthlyPerCapita(), List.copyOf(deprivations),
                List.copyOf(explanation));
    }

    private static List<Classification.Deprivation> declared(PovertyStandard standard, List<String> codes) {
        Set<String> seen = new LinkedHashSet<>();
        List<Classification.Deprivation> result = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            DeprivationIndicator indicator = standard.indicator(code).orElseThrow(() -> new AssessmentException(
                    "deprivedIndicators", "'" + code + "' is not an indicator of " + standard.code()
                            + " (its indicators: " + String.join(", ", standard.indicators().stream()
                                    .map(DeprivationIndicator::code).toList()) + ")"));
            if (!seen.add(code)) {
                throw new AssessmentException("deprivedIndicators", code + " is listed twice");
            }
            result.add(new Classification.Deprivation(code, indicator.nameVi(), indicator.reason()));
        }
        return result;
    }

    private static List<Classification.Deprivation> derived(PovertyStandard standard, HouseholdFacts facts,
            Income income, LocalDate referenceDate) {
        if (facts.members().isEmpty()) {
            throw new AssessmentException("facts.members", "a household has at least one member");
        }
        if (income instanceof Income.Annual annual && annual.members() != facts.members().size()) {
            throw new AssessmentException("memberCount", "is " + annual.members() + " but the facts list "
                    + facts.members().size() + " members");
        }
        for (int i = 0; i < facts.members().size(); i++) {
            if (facts.members().get(i).dateOfBirth().isAfter(referenceDate)) {
                throw new AssessmentException("facts.members[" + i + "].dateOfBirth",
                        "is after the reference date " + referenceDate);
            }
        }
        Set<String> present = facts.presentOptionalFacts();
        Map<String, Object> variables = Map.of("household", facts.toCel(referenceDate));
        List<Classification.Deprivation> result = new ArrayList<>(standard.indicators().size());
        for (DeprivationIndicator indicator : standard.indicators()) {
            for (String fact : indicator.facts()) {
                if (!present.contains(fact)) {
                    throw new AssessmentException("facts." + fact, "is needed by indicator " + indicator.code()
                            + " of " + standard.code());
                }
            }
            if (indicator.deprivedWhen().test(variables)) {
                result.add(new Classification.Deprivation(indicator.code(), indicator.nameVi(), indicator.reason()));
            }
        }
        return result;
    }

    private static String render(String template, PovertyStandard standard, AreaType area, Income income,
            int deprived) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "income" -> money(income.monthlyPerCapita()) + " đồng/người/tháng";
                case "deprived" -> String.valueOf(deprived);
                case "area" -> "khu vực " + areaName(area);
                default -> money(BigDecimal.valueOf(standard.line(name.substring("line.".length()), area))) + " đồng";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** dd/MM/yyyy as {@link #VN_DATE} writes it, without a formatter's cost for the years it writes plainly. */
    static String vnDate(LocalDate date) {
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            return VN_DATE.format(date);
        }
        int day = date.getDayOfMonth();
        int month = date.getMonthValue();
        return (day < 10 ? "0" : "") + day + (month < 10 ? "/0" : "/") + month + "/" + date.getYear();
    }

    static String areaName(AreaType area) {
        return area == AreaType.URBAN ? "thành thị" : "nông thôn";
    }

    /** Vietnamese money format: 1.500.000 or 1.500.000,09. */
    static String money(BigDecimal value) {
        return MONEY.get().format(value);
    }

    /** A DecimalFormat is not thread-safe and costs more to build than to use: one per thread. */
    private static final ThreadLocal<DecimalFormat> MONEY = ThreadLocal.withInitial(() -> {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.##", symbols);
    });
}
