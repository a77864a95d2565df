package vn.giamngheo.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time and peak memory of the local stack's processes, from {@code /proc} and the pid files of
 * {@code deploy/local/run} ({@code <run dir>/pids/<name>.pid}). Against servers elsewhere there are no pid files and
 * nothing is reported.
 */
final class ProcessStats {

    /** @param cpuSeconds user + system CPU since the process started; @param peakRssMb VmHWM */
    record Sample(double cpuSeconds, double peakRssMb) {
    }

    private static final double TICKS_PER_SECOND = 100.0;

    private final Path pids;

    ProcessStats(Path runDir) {
        this.pids = runDir.resolve("pids");
    }

    Map<String, Sample> sample() {
        Map<String, Sample> samples = new TreeMap<>();
        if (!Files.isDirectory(pids)) {
            return samples;
        }
        try (Stream<Path> files = Files.list(pids)) {
            files.filter(f -> f.toString().endsWith(".pid")).forEach(f -> {
                try {
                    String pid = Files.readString(f).trim();
                    String stat = Files.readString(Path.of("/proc", pid, "stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    double rss = 0;
                    for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                        if (line.startsWith("VmHWM:")) {
                            rss = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                        }
                    }
                    samples.put(f.getFileName().toString().replace(".pid", ""), new Sample(cpu, rss));
                } catch (IOException | RuntimeException e) {
                    // The process is gone, or this is not Linux: nothing to report for it.
                }
            });
        } catch (IOException e) {
            return samples;
        }
        return samples;
    }

    /** CPU seconds used between two samples, per process. */
    static Map<String, Double> cpuBetween(Map<String, Sample> before, Map<String, Sample> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, s) -> used.put(name, s.cpuSeconds() - before.getOrDefault(name, new Sample(0, 0))
                .cpuSeconds()));
        return used;
    }
}
