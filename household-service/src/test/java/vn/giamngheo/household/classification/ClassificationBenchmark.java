package vn.giamngheo.household.classification;

import java.time.LocalDate;
import java.util.ArrayList;
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
import vn.giamngheo.platform.units.AreaType;

/**
 * Assessments per second on one core (one benchmark thread), with the standards loaded — and their CEL programs
 * compiled — once: {@code declared} is what a review survey does (income and the deprivations the officer ticked),
 * {@code surveyed} derives the twelve deprivations from the household's facts with the standard's CEL rules. Run with
 * {@code deploy/local/run jmh}; not part of the tests.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ClassificationBenchmark {

    private static final LocalDate DATE = LocalDate.of(2026, 9, 1);
    private static final String[] CODES = {"HEALTH_INSURANCE", "SANITATION", "HOUSING_AREA", "DRINKING_WATER",
        "TELECOM", "ADULT_EDUCATION", "EMPLOYMENT", "DEPENDANTS", "HOUSING_QUALITY", "INFORMATION_ACCESS",
        "CHILD_SCHOOLING", "NUTRITION"};

    private record Input(AreaType area, Income income, Evidence evidence) {
    }

    private final Classifier classifier = new Classifier();
    private PovertyStandard standard;
    private final List<Input> declared = new ArrayList<>();
    private final List<Input> surveyed = new ArrayList<>();
    private int next;

    @Setup
    public void load() {
        standard = Standards.MPS_2022;
        Random random = new Random(2026);
        for (int i = 0; i < 1024; i++) {
            AreaType area = random.nextBoolean() ? AreaType.URBAN : AreaType.RURAL;
            Income income = new Income.MonthlyPerCapita(800_000 + random.nextInt(4_000_000));
            List<String> codes = new ArrayList<>();
            for (int k = random.nextInt(6); k > 0; k--) {
                String code = CODES[random.nextInt(CODES.length)];
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
            declared.add(new Input(area, income, new Evidence.Declared(codes)));
            FactsBuilder facts = FactsBuilder.comfortable(DATE);
            for (int c = random.nextInt(4); c > 0; c--) {
                facts.child(1 + random.nextInt(16));
            }
            if (random.nextInt(4) == 0) {
                facts.elder(70 + random.nextInt(20));
            }
            if (random.nextInt(3) == 0) {
                facts.latrine(Latrine.UNHYGIENIC);
            }
            if (random.nextInt(3) == 0) {
                facts.water(WaterSource.UNPROTECTED_WELL);
            }
            if (random.nextInt(4) == 0) {
                facts.telecom(false, false);
            }
            surveyed.add(new Input(area, income, new Evidence.Surveyed(facts.build())));
        }
    }

    @Benchmark
    public void declared(Blackhole out) {
        Input in = declared.get(next++ & 1023);
        out.consume(classifier.classify(standard, in.area(), null, in.income(), in.evidence(), DATE));
    }

    @Benchmark
    public void surveyed(Blackhole out) {
        Input in = surveyed.get(next++ & 1023);
        out.consume(classifier.classify(standard, in.area(), null, in.income(), in.evidence(), DATE));
    }
}
