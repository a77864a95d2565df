package vn.giamngheo.household.classification;

import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.rules.Condition;
import vn.giamngheo.platform.rules.RecordType;
import vn.giamngheo.platform.rules.RuleEvaluationException;
import vn.giamngheo.platform.rules.YamlNode;
import vn.giamngheo.platform.units.AreaType;

/** Reads and checks one standard file (standards/README.md). */
final class StandardFile {

    /** {@code household}, of the declared fact model; its fields and their types are checked at load. */
    static final Map<String, CelType> INDICATOR_VARIABLES = Map.of("household", HouseholdFacts.CEL_TYPE.celType());
    static final List<RecordType> INDICATOR_RECORDS = List.of(HouseholdFacts.CEL_TYPE);
    static final Map<String, CelType> CLASS_VARIABLES = Map.of(
            "within", MapType.create(SimpleType.STRING, SimpleType.BOOL),
            "deprived", SimpleType.INT,
            "areaType", SimpleType.STRING);

    private static final Set<String> TOP = Set.of("code", "name", "legalBasis", "effectiveFrom", "effectiveTo",
            "provisional", "incomeLines", "classes", "aboveExplanation", "indicators");
    private static final Set<String> RULE = Set.of("class", "when", "explanation");
    private static final Set<String> INDICATOR = Set.of("code", "dimension", "nameVi", "nameEn", "legalReference",
            "provisional", "facts", "deprivedWhen", "reason");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    /** The key beside a line's values that marks it provisional, with the reason as its value. */
    private static final String PROVISIONAL = "provisional";

    private StandardFile() {
    }

    static PovertyStandard read(String file, InputStream in) {
        YamlNode root = YamlNode.read(file, in).allowOnly(TOP);
        LocalDate from = root.date("effectiveFrom");
        LocalDate to = root.optDate("effectiveTo").orElse(null);
        if (to != null && to.isBefore(from)) {
            throw root.get("effectiveTo").error("is before effectiveFrom " + from);
        }

        Map<String, Map<AreaType, Long>> lines = new LinkedHashMap<>();
        Map<String, String> provisionalLines = new LinkedHashMap<>();
        root.get("incomeLines").entries().forEach((name, byArea) -> {
            Map<AreaType, Long> values = new EnumMap<>(AreaType.class);
            byArea.entries().forEach((area, value) -> {
                if (area.equals(PROVISIONAL)) {
                    // A line marked provisional says why, so that whoever reads a result can judge it.
                    provisionalLines.put(name, value.text());
                    return;
                }
                AreaType type = enumValue(AreaType.class, area, byArea);
                long vnd = value.longValue();
                if (vnd <= 0) {
                    throw value.error("an income line must be positive");
                }
                values.put(type, vnd);
            });
            for (AreaType area : AreaType.values()) {
                if (!values.containsKey(area)) {
                    throw byArea.error("no line for " + area);
                }
            }
            lines.put(name, values);
        });
        if (lines.isEmpty()) {
            throw root.get("incomeLines").error("at least one income line is needed");
        }

        List<ClassRule> classes = new ArrayList<>();
        for (YamlNode rule : root.list("classes")) {
            rule.allowOnly(RULE);
            HouseholdClass householdClass = enumValue(HouseholdClass.class, rule.string("class"), rule.get("class"));
            Condition when = Condition.compile(rule.get("when"), CLASS_VARIABLES, List.of());
            String explanation = checkedTemplate(rule.get("explanation"), lines.keySet());
            classes.add(new ClassRule(householdClass, when, explanation));
            dryRunClassRule(rule.get("when"), when, lines.keySet());
        }
        String above = checkedTemplate(root.get("aboveExplanation"), lines.keySet());

        List<DeprivationIndicator> indicators = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (YamlNode node : root.list("indicators")) {
            node.allowOnly(INDICATOR);
            String code = node.string("code");
            if (!code.matches("[A-Z][A-Z0-9_]*")) {
                throw node.get("code").error("an indicator code is written in capitals, e.g. HEALTH_INSURANCE");
            }
            if (!codes.add(code)) {
                throw node.get("code").error("indicator " + code + " appears twice");
            }
            Set<String> facts = new LinkedHashSet<>(node.strings("facts"));
            for (String fact : facts) {
                if (!HouseholdFacts.OPTIONAL_FACTS.contains(fact)) {
                    throw node.get("facts").error("unknown fact '" + fact + "' (optional facts: "
                            + String.join(", ", HouseholdFacts.OPTIONAL_FACTS) + ")");
                }
            }
            Condition deprivedWhen = Condition.compile(node.get("deprivedWhen"), INDICATOR_VARIABLES,
                    INDICATOR_RECORDS);
            DeprivationIndicator indicator = new DeprivationIndicator(code, node.string("dimension"),
                    node.string("nameVi"), node.string("nameEn"), node.string("legalReference"),
                    node.bool("provisional", false), Set.copyOf(facts), deprivedWhen, node.string("reason"));
            dryRunIndicator(node.get("deprivedWhen"), indicator);
            indicators.add(indicator);
        }
        if (indicators.isEmpty()) {
            throw root.get("indicators").error("a standard has at least one indicator");
        }
        return new PovertyStandard(root.string("code"), root.string("name"), root.string("legalBasis"), from, to,
                root.bool("provisional", false), Map.copyOf(lines), Map.copyOf(provisionalLines), List.copyOf(classes),
                above,
                List.copyOf(indicators), file);
    }

    private static String checkedTemplate(YamlNode node, Set<String> lines) {
        String template = node.text();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            boolean known = name.equals("income") || name.equals("deprived") || name.equals("area")
                    || (name.startsWith("line.") && lines.contains(name.substring(5)));
            if (!known) {
                throw node.error("unknown placeholder {" + name + "} (known: {income}, {deprived}, {area}, "
                        + "{line.NAME} with NAME one of " + lines + ")");
            }
        }
        return template;
    }

    /** Evaluates a class rule on every combination it can meet, so a reference to an unknown line fails now. */
    private static void dryRunClassRule(YamlNode source, Condition when, Set<String> lines) {
        for (boolean within : new boolean[] {true, false}) {
            Map<String, Boolean> withinMap = new LinkedHashMap<>();
            lines.forEach(line -> withinMap.put(line, within));
            for (AreaType area : AreaType.values()) {
                for (long deprived : new long[] {0, 3, 12}) {
                    try {
                        when.test(Map.of("within", withinMap, "deprived", deprived, "areaType", area.name()));
                    } catch (RuleEvaluationException e) {
                        throw source.error("fails on a sample household: " + e.getMessage());
                    }
                }
            }
        }
    }

    /**
     * Evaluates an indicator on the built-in sample households. CEL's checker has already refused a misspelt field or
     * a comparison of the wrong types (the fact model is declared); this also refuses a rule that fails when it is
     * evaluated on a household using every part of the fact model, e.g. an index past the end of a list.
     */
    private static void dryRunIndicator(YamlNode source, DeprivationIndicator indicator) {
        LocalDate date = LocalDate.of(2024, 1, 1);
        for (HouseholdFacts sample : SampleHouseholds.ALL) {
            try {
                indicator.deprivedWhen().test(Map.of("household", sample.toCel(date)));
            } catch (RuleEvaluationException e) {
                throw source.error("fails on a sample household: " + e.getMessage());
            }
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, YamlNode where) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw where.error("'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Households that use every part of the fact model, for the dry run. */
    static final class SampleHouseholds {

        static final List<HouseholdFacts> ALL = List.of(
                new HouseholdFacts(List.of(
                        new MemberFacts(LocalDate.of(1953, 5, 1), true, false, Education.NONE,
                                Employment.NOT_IN_LABOUR_FORCE, false, false, true),
                        new MemberFacts(LocalDate.of(1983, 2, 1), true, false, Education.UPPER_SECONDARY,
                                Employment.WAGE_WITH_CONTRACT, false, false, false),
                        new MemberFacts(LocalDate.of(1985, 7, 1), true, false, Education.LOWER_SECONDARY,
                                Employment.SELF_EMPLOYED, false, false, false),
                        new MemberFacts(LocalDate.of(2006, 9, 1), true, true, Education.LOWER_SECONDARY,
                                Employment.NOT_IN_LABOUR_FORCE, false, false, false),
                        new MemberFacts(LocalDate.of(2019, 3, 1), false, true, Education.NONE,
                                Employment.NOT_IN_LABOUR_FORCE, false, true, false)),
                        new BigDecimal("60"), true, true, true, false, WaterSource.PIPED, Latrine.SEPTIC, true, true,
                        Set.of(InformationMeans.TELEVISION, InformationMeans.SMARTPHONE), WasteHandling.COLLECTED,
                        false),
                new HouseholdFacts(List.of(
                        new MemberFacts(LocalDate.of(1999, 1, 1), false, false, Education.NONE,
                                Employment.UNEMPLOYED, true, false, false)),
                        BigDecimal.ZERO, false, false, false, false, WaterSource.SURFACE_WATER, Latrine.NONE, false,
                        false, Set.of(), WasteHandling.UNSAFE, true));

        private SampleHouseholds() {
        }
    }
}
