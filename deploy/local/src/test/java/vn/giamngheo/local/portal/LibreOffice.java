package vn.giamngheo.local.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Opens a downloaded spreadsheet the way a person's office suite would: LibreOffice headless converts it to CSV
 * (comma, double quotes, UTF-8) and the first sheet's text comes back. Each conversion uses its own LibreOffice
 * profile directory, so tests converting at the same time do not share (and lock) one profile. A machine without
 * {@code soffice} fails the test with a message saying so: the check is never skipped.
 */
final class LibreOffice {

    /** Where Debian's {@code libreoffice-calc-nogui} puts it; {@code SOFFICE} names another. */
    private static final String SOFFICE = System.getenv().getOrDefault("SOFFICE", "/usr/bin/soffice");
    private static final long TIMEOUT_SECONDS = 120;
    /** Calc's CSV filter: field separator ',' (44), text delimiter '"' (34), character set UTF-8 (76). */
    private static final String CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76";

    private LibreOffice() {
    }

    /** The first sheet of {@code workbook} (.xlsx bytes) as CSV text, as LibreOffice reads it. */
    static String csv(byte[] workbook) {
        Path work = null;
        try {
            work = Files.createTempDirectory("libreoffice-");
            Path input = Files.write(work.resolve("workbook.xlsx"), workbook);
            return csv(input, work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                delete(work);
            }
        }
    }

    private static String csv(Path input, Path work) throws IOException {
        if (!Files.isExecutable(Path.of(SOFFICE))) {
            throw new IllegalStateException("LibreOffice is not installed: no executable " + SOFFICE
                    + " (Debian: apt-get install -y libreoffice-calc-nogui; .ci/run installs it)");
        }
        Path profile = Files.createDirectories(work.resolve("profile"));
        Path out = Files.createDirectories(work.resolve("out"));
        Path log = work.resolve("soffice.log");
        Process soffice = new ProcessBuilder(List.of(SOFFICE, "--headless", "--norestore", "--nolockcheck",
                "-env:UserInstallation=" + profile.toUri(), "--convert-to", CSV_FILTER, "--outdir",
                out.toString(), input.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!soffice.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                soffice.destroyForcibly();
                throw new IllegalStateException("LibreOffice did not convert " + input.getFileName() + " within "
                        + TIMEOUT_SECONDS + " s: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            soffice.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while LibreOffice converted " + input.getFileName(), e);
        }
        Path csv = out.resolve("workbook.csv");
        if (soffice.exitValue() != 0 || !Files.exists(csv)) {
            throw new IllegalStateException("LibreOffice could not convert " + input.getFileName() + " (exit "
                    + soffice.exitValue() + "): " + Files.readString(log));
        }
        return Files.readString(csv, StandardCharsets.UTF_8);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not the test's failure
        }
    }
}
