package vn.giamngheo.household.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.giamngheo.platform.rules.Condition;
import vn.giamngheo.platform.rules.RuleEvaluationException;

/**
 * The shipped standards' rules run as compiled closures (platform's {@code CelClosures}); CEL's interpreter stays
 * the reference, and both must give the same answer — or both fail — on many random households (fixed seed).
 */
class CompiledRulesTest {

    private static final int HOUSEHOLDS = 5_000;
    private static final LocalDate DATE = LocalDate.of(2026, 9, 1);

    @Test
    void everyShippedRuleIsCompiled() {
        for (PovertyStandard standard : Standards.CATALOG.all()) {
            assertThat(standard.indicators()).as(standard.code())
                    .allSatisfy(i -> assertThat(i.deprivedWhen().compiled()).as(i.code()).isTrue());
            assertThat(standard.classes()).as(standard.code())
                    .allSatisfy(r -> assertThat(r.when().compiled()).as(r.when().expression()).isTrue());
        }
    }

    @Test
    void indicatorsAgreeWithTheInterpreterOnRandomHouseholds() {
        Random random = new Random(20261207);
        int deprived = 0;
        int failed = 0;
        for (int n = 0; n < HOUSEHOLDS; n++) {
            HouseholdFacts facts = randomHousehold(random);
            Map<String, Object> variables = Map.of("household", facts.toCel(DATE));
            for (PovertyStandard standard : Standards.CATALOG.all()) {
                for (DeprivationIndicator indicator : standard.indicators()) {
                    Outcome compiled = outcome(() -> indicator.deprivedWhen().test(variables));
                    Outcome interpreted = outcome(() -> indicator.deprivedWhen().testByInterpreter(variables));
                    assertThat(compiled).as("%s %s on %s", standard.code(), indicator.code(), facts)
                            .isEqualTo(interpreted);
                    deprived += Boolean.TRUE.equals(compiled.value()) ? 1 : 0;
                    failed += compiled.failed() ? 1 : 0;
                }
            }
        }
        // The households exercise both answers and the failure of a rule whose optional fact is missing.
        assertThat(deprived).isGreaterThan(HOUSEHOLDS);
        assertThat(failed).isGreaterThan(0);
    }

    @Test
    void classRulesAgreeWithTheInterpreter() {
        Random random = new Random(7);
        for (PovertyStandard standard : Standards.CATALOG.all()) {
            for (int n = 0; n < 2_000; n++) {
                Map<String, Boolean> within = new LinkedHashMap<>();
                for (String line : standard.incomeLines().keySet()) {
                    if (random.nextInt(10) > 0) {
                        within.put(line, random.nextBoolean());
                    }
                }
                Map<String, Object> variables = Map.of("within", within, "deprived", (long) random.nextInt(13),
                        "areaType", random.nextBoolean() ? "URBAN" : "RURAL");
                for (ClassRule rule : standard.classes()) {
                    Condition when = rule.when();
                    assertThat(outcome(() -> when.test(variables))).as("%s on %s", when.expression(), variables)
                            .isEqualTo(outcome(() -> when.testByInterpreter(variables)));
                }
            }
        }
    }

    private record Outcome(Boolean value, boolean failed) {
    }

    private static Outcome outcome(Supplier<Boolean> evaluation) {
        try {
            return new Outcome(evaluation.get(), false);
        } catch (RuleEvaluationException e) {
            return new Outcome(null, true);
        }
    }

    private static HouseholdFacts randomHousehold(Random random) {
        List<MemberFacts> members = new ArrayList<>();
        for (int m = 1 + random.nextInt(random.nextInt(8) == 0 ? 12 : 6); m > 0; m--) {
            // Birthdays on and around the thresholds' days as well as anywhere in a century.
            LocalDate born = random.nextBoolean()
                    ? DATE.minusYears(random.nextInt(100)).minusDays(random.nextInt(366))
                    : DATE.minusYears(new int[] {3, 5, 6, 15, 16, 18, 30, 31, 60}[random.nextInt(9)])
                            .plusDays(random.nextInt(3) - 1);
            members.add(new MemberFacts(born, random.nextInt(5) > 0, random.nextBoolean(),
                    pick(random, Education.values()), pick(random, Employment.values()), random.nextInt(6) == 0,
                    random.nextInt(6) == 0, random.nextInt(8) == 0));
        }
        // Floor areas on the 8 m² per person boundary as well as around it.
        BigDecimal area = random.nextBoolean() ? BigDecimal.valueOf(8L * members.size())
                : BigDecimal.valueOf(random.nextInt(16 * members.size() * 10), 1);
        Set<InformationMeans> means = EnumSet.noneOf(InformationMeans.class);
        for (InformationMeans mean : InformationMeans.values()) {
            if (random.nextInt(4) == 0) {
                means.add(mean);
            }
        }
        return new HouseholdFacts(members, area, random.nextInt(10) > 0, random.nextBoolean(), random.nextBoolean(),
                random.nextBoolean(), pick(random, WaterSource.values()), pick(random, Latrine.values()),
                random.nextBoolean(), random.nextBoolean(), means,
                random.nextInt(5) == 0 ? null : pick(random, WasteHandling.values()),
                random.nextInt(5) == 0 ? null : random.nextBoolean());
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
