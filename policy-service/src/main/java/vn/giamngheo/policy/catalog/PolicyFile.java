package vn.giamngheo.policy.catalog;

import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.giamngheo.platform.rules.Condition;
import vn.giamngheo.platform.rules.IntExpression;
import vn.giamngheo.platform.rules.RuleEvaluationException;
import vn.giamngheo.platform.rules.YamlNode;

/** Reads and checks one policy file; every mistake is reported with the file and the line. */
final class PolicyFile {

    static final Map<String, CelType> VARIABLES = Map.of(
            "household", MapType.create(SimpleType.STRING, SimpleType.DYN),
            "person", MapType.create(SimpleType.STRING, SimpleType.DYN),
            "amount", MapType.create(SimpleType.STRING, SimpleType.INT));

    private static final Set<String> TOP = Set.of("code", "name", "department", "legalBasis", "effectiveFrom",
            "effectiveTo", "formerProvince", "beneficiary", "applicationRequired", "provisional", "provisionalWhen",
            "provisionalReason", "schedule", "exclusiveGroup", "amounts", "eligibleWhen", "entitlement", "monthlyBasisVnd", "reason");
    private static final Set<String> ENTITLEMENT = Set.of("premiumSupportPercent", "exemptionPercent",
            "monthlyAmountVnd", "oneOffAmountVnd", "maxLoanVnd", "maxLoanPerMonthVnd", "annualInterestBasisPoints",
            "annualInterestThousandthsOfPercent", "service");
    private static final List<String> KINDS = List.of("premiumSupportPercent", "exemptionPercent",
            "monthlyAmountVnd", "oneOffAmountVnd", "maxLoanVnd", "maxLoanPerMonthVnd", "service");
    private static final List<String> RATES = List.of("annualInterestBasisPoints",
            "annualInterestThousandthsOfPercent");

    private PolicyFile() {
    }

    static PolicyVersion read(String file, InputStream in, Set<String> codes, Set<String> departments) {
        YamlNode root = YamlNode.read(file, in).allowOnly(TOP);
        String code = root.string("code");
        if (!codes.contains(code)) {
            throw root.get("code").error("'" + code + "' is not a known policy code " + codes);
        }
        String department = root.string("department");
        if (!departments.contains(department)) {
            throw root.get("department").error("'" + department + "' is not a known department " + departments);
        }
        LocalDate from = root.date("effectiveFrom");
        LocalDate to = root.optDate("effectiveTo").orElse(null);
        if (to != null && to.isBefore(from)) {
            throw root.get("effectiveTo").error("is before effectiveFrom " + from);
        }
        Beneficiary beneficiary = enumValue(Beneficiary.class, root.get("beneficiary"));
        Schedule schedule = enumValue(Schedule.class, root.get("schedule"));

        Map<String, List<DatedAmounts.Entry>> tables = new LinkedHashMap<>();
        root.opt("amounts").ifPresent(amounts -> amounts.entries().forEach((name, list) -> {
            List<DatedAmounts.Entry> entries = new ArrayList<>();
            for (YamlNode entry : list.list()) {
                entry.allowOnly(Set.of("from", "value", "provisional"));
                LocalDate start = entry.date("from");
                if (!entries.isEmpty() && !start.isAfter(entries.getLast().from())) {
                    throw entry.get("from").error("dates of a table must increase");
                }
                long value = entry.longValue("value");
                if (value < 0) {
                    throw entry.get("value").error("an amount cannot be negative");
                }
                entries.add(new DatedAmounts.Entry(start, value, entry.bool("provisional", false)));
            }
            if (entries.isEmpty() || entries.getFirst().from().isAfter(from)) {
                throw list.error("table '" + name + "' has no value in force on effectiveFrom " + from);
            }
            tables.put(name, entries);
        }));
        DatedAmounts amounts = new DatedAmounts(tables);

        Condition eligibleWhen = Condition.compile(root.get("eligibleWhen"), VARIABLES);
        YamlNode ent = root.get("entitlement").allowOnly(ENTITLEMENT);
        long kinds = KINDS.stream().filter(k -> ent.opt(k).isPresent()).count();
        if (kinds != 1) {
            throw ent.error("give exactly one kind of entitlement, found " + kinds);
        }
        boolean loan = ent.opt("maxLoanVnd").isPresent() || ent.opt("maxLoanPerMonthVnd").isPresent();
        long rates = RATES.stream().filter(k -> ent.opt(k).isPresent()).count();
        if (loan ? rates != 1 : rates != 0) {
            throw ent.error("a loan needs its ceiling and exactly one of " + RATES + ", and only a loan has a rate");
        }
        boolean thousandths = ent.opt("annualInterestThousandthsOfPercent").isPresent();
        EntitlementRule entitlement = new EntitlementRule(expr(ent, "premiumSupportPercent"),
                expr(ent, "exemptionPercent"), expr(ent, "monthlyAmountVnd"), expr(ent, "oneOffAmountVnd"),
                expr(ent, "maxLoanVnd"), expr(ent, "maxLoanPerMonthVnd"),
                expr(ent, thousandths ? "annualInterestThousandthsOfPercent" : "annualInterestBasisPoints"),
                thousandths ? 3 : 2, ent.optString("service").orElse(null));
        IntExpression monthlyBasis = root.opt("monthlyBasisVnd")
                .map(node -> IntExpression.compile(node, Map.of("amount", VARIABLES.get("amount")))).orElse(null);
        if (monthlyBasis != null && ent.opt("premiumSupportPercent").isEmpty() && ent.opt("exemptionPercent").isEmpty()) {
            throw root.get("monthlyBasisVnd").error("only a percentage entitlement has a basis");
        }
        String formerProvince = root.optString("formerProvince").orElse(null);
        if (formerProvince != null && !formerProvince.matches("\\d{2}")) {
            throw root.get("formerProvince").error("must be a 2-digit province code, e.g. \"26\" for Vĩnh Phúc");
        }
        String exclusiveGroup = root.optString("exclusiveGroup").orElse(null);
        if (exclusiveGroup != null && (!exclusiveGroup.matches("[A-Z][A-Z0-9_]*")
                || ent.opt("monthlyAmountVnd").isEmpty())) {
            throw root.get("exclusiveGroup").error("must be an UPPER_SNAKE name, on a policy paying monthlyAmountVnd"
                    + " (the group keeps the highest monthly amount)");
        }
        boolean provisional = root.bool("provisional");
        Condition provisionalWhen = root.opt("provisionalWhen").map(node -> Condition.compile(node, VARIABLES))
                .orElse(null);
        String provisionalReason = root.optString("provisionalReason").map(String::strip).orElse(null);
        boolean needsReason = provisional || amounts.anyProvisional() || provisionalWhen != null;
        boolean hasReason = provisionalReason != null && !provisionalReason.isEmpty();
        if (needsReason && !hasReason) {
            throw root.opt("provisionalReason").orElse(root.get("provisional")).error("say in provisionalReason why"
                    + " the version or its provisional amounts are not verified");
        }
        if (!needsReason && hasReason) {
            throw root.get("provisionalReason").error("nothing is provisional: remove provisionalReason");
        }
        PolicyVersion version = new PolicyVersion(code, root.string("name"), department, root.string("legalBasis"),
                from, to, formerProvince, beneficiary, root.bool("applicationRequired"), provisional,
                provisionalWhen, provisionalReason, schedule, exclusiveGroup, amounts, eligibleWhen, entitlement, monthlyBasis,
                root.string("reason"), file, null);
        dryRun(root, version);
        if (monthlyBasis != null) {
            try {
                version.monthlyBasisOn(from);
            } catch (RuleEvaluationException e) {
                throw root.get("monthlyBasisVnd").error("fails: " + e.getMessage());
            }
        }
        return version;
    }

    /** Evaluates condition and entitlement on sample households, so a misspelt fact fails at start-up. */
    private static void dryRun(YamlNode root, PolicyVersion version) {
        Map<String, Long> amounts = version.amounts().on(version.effectiveFrom());
        for (Map<String, Object> household : SAMPLE_HOUSEHOLDS) {
            for (Map<String, Object> person : SAMPLE_PEOPLE) {
                Map<String, Object> variables = Map.of("household", household, "person", person, "amount", amounts);
                try {
                    version.eligibleWhen().test(variables);
                } catch (RuleEvaluationException e) {
                    throw root.get("eligibleWhen").error("fails on a sample household: " + e.getMessage());
                }
                try {
                    version.entitlement().evaluate(variables);
                } catch (RuleEvaluationException e) {
                    throw root.get("entitlement").error("fails on a sample household: " + e.getMessage());
                }
                if (version.provisionalWhen() != null) {
                    try {
                        version.provisionalWhen().test(variables);
                    } catch (RuleEvaluationException e) {
                        throw root.get("provisionalWhen").error("fails on a sample household: " + e.getMessage());
                    }
                }
            }
        }
    }

    private static IntExpression expr(YamlNode entitlement, String key) {
        return entitlement.opt(key).map(node -> IntExpression.compile(node, VARIABLES)).orElse(null);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, YamlNode node) {
        try {
            return Enum.valueOf(type, node.text());
        } catch (IllegalArgumentException e) {
            throw node.error("'" + node.text() + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static final List<Map<String, Object>> SAMPLE_HOUSEHOLDS = List.of(
            EligibilityFacts.householdVariables("POOR", false, false, 12, "26", EligibilityFacts.NOT_RECORDED,
                    List.of()),
            EligibilityFacts.householdVariables("MIDDLE", true, true, 30, "", 45, List.of("SOCIAL_ASSISTANCE")));
    private static final List<Map<String, Object>> SAMPLE_PEOPLE = List.of(
            EligibilityFacts.personVariables(8, "PRIMARY", true, 0, "NONE", false, List.of()),
            EligibilityFacts.personVariables(82, "NONE", false, EligibilityFacts.NOT_RECORDED, "PARTICULARLY_SEVERE",
                    true, List.of("SOCIAL_PENSION")),
            EligibilityFacts.personVariables(20, "HIGHER", false, 3_000_000, "SEVERE", false, List.of()));
}
