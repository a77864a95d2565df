package vn.giamngheo.household.classification;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Operations per second of CPU time of the benchmark threads: the per-core figure even when other processes share
 * the cores (the throughput JMH reports is per second of wall time, which such a machine stretches). Use with
 * {@code -prof vn.giamngheo.household.classification.CpuTimeProfiler}; it counts the iteration's measured
 * operations over the CPU time its worker threads used from its start to its end, ramp-up included, so the figure
 * errs low.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "operations per CPU-second of the benchmark's worker threads";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = workerCpuNanos();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        double cpuSeconds = (workerCpuNanos() - cpuAtStart) / 1e9;
        double perCpuSecond = cpuSeconds <= 0 ? Double.NaN : result.getMetadata().getMeasuredOps() / cpuSeconds;
        return List.of(new ScalarResult("ops per CPU-second", perCpuSecond, "ops/cpu-s", AggregationPolicy.AVG));
    }

    /** Worker threads live through the whole run of a benchmark, so their CPU time only grows. */
    private static long workerCpuNanos() {
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().contains("jmh-worker")) {
                total += Math.max(0, THREADS.getThreadCpuTime(thread.threadId()));
            }
        }
        return total;
    }
}
