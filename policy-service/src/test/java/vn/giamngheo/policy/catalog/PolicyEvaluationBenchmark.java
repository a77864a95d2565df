package vn.giamngheo.policy.catalog;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Households evaluated per second on one core: every policy in force for the household and each of its members, with
 * the shipped policy files loaded — and their CEL programs compiled — once. Run with {@code deploy/local/run jmh}; not
 * part of the tests.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PolicyEvaluationBenchmark {

    private static final LocalDate DATE = LocalDate.of(2026, 10, 15);
    private static final String[] CLASSES = {"POOR", "NEAR_POOR", "NEWLY_ESCAPED", "MIDDLE", "ABOVE"};
    private static final String[] SCHOOLING = {"NONE", "PRESCHOOL", "PRIMARY", "LOWER_SECONDARY", "UPPER_SECONDARY"};

    private EligibilityEvaluator evaluator;
    private final List<EligibilityFacts> households = new ArrayList<>();
    private int next;

    @Setup
    public void load() throws IOException {
        evaluator = new EligibilityEvaluator(PolicyCatalog.load(Arrays.asList(
                new PathMatchingResourcePatternResolver().getResources("classpath:policies/*.yaml")),
                PolicyCatalog.DEPARTMENTS), PolicyFixtures.FORMER_PROVINCES);
        Random random = new Random(2026);
        for (int i = 0; i < 1024; i++) {
            String c = CLASSES[random.nextInt(CLASSES.length)];
            boolean escaped = c.equals("NEWLY_ESCAPED");
            List<EligibilityFacts.Person> members = new ArrayList<>();
            int size = 1 + random.nextInt(6);
            for (int m = 0; m < size; m++) {
                int age = m < 2 ? 25 + random.nextInt(50) : random.nextInt(18);
                members.add(EligibilityFacts.Person.born("p" + m, DATE.minusYears(age).minusDays(random.nextInt(365)))
                        .withSchooling(age < 18 ? SCHOOLING[random.nextInt(SCHOOLING.length)] : "NONE",
                                random.nextBoolean())
                        .withPension(random.nextInt(10) == 0 ? 3_000_000 : 0));
            }
            households.add(new EligibilityFacts(escaped ? "ABOVE" : c, LocalDate.of(2026, 1, 1),
                    escaped ? LocalDate.of(2025, 1, 1) : null, "08707", random.nextBoolean(), members));
        }
    }

    @Benchmark
    public void evaluateHousehold(Blackhole out) {
        out.consume(evaluator.evaluate(households.get(next++ & 1023), DATE));
    }
}
