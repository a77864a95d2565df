package vn.giamngheo.household.classification;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;
import vn.giamngheo.platform.rules.RuleFileException;

/** Every poverty standard the service knows, each in force for its own period. */
public final class StandardCatalog {

    private final List<PovertyStandard> standards;

    private StandardCatalog(List<PovertyStandard> standards) {
        this.standards = standards;
    }

    public static StandardCatalog load(List<Resource> files) {
        List<PovertyStandard> standards = new ArrayList<>();
        for (Resource file : files) {
            String name = file.getFilename() == null ? file.getDescription() : file.getFilename();
            try (InputStream in = file.getInputStream()) {
                standards.add(StandardFile.read(name, in));
            } catch (IOException e) {
                throw new RuleFileException(name, 0, "cannot be read: " + e.getMessage(), e);
            }
        }
        return of(standards);
    }

    static StandardCatalog of(List<PovertyStandard> standards) {
        List<PovertyStandard> sorted = standards.stream()
                .sorted(Comparator.comparing(PovertyStandard::effectiveFrom)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                PovertyStandard a = sorted.get(i);
                PovertyStandard b = sorted.get(j);
                if (a.code().equals(b.code())) {
                    throw new RuleFileException(b.file(), 0, "code " + b.code() + " is also used by " + a.file());
                }
                if (a.effectiveTo() == null || !a.effectiveTo().isBefore(b.effectiveFrom())) {
                    throw new RuleFileException(b.file(), 0, "its period from " + b.effectiveFrom()
                            + " overlaps " + a.code() + " (" + a.file() + ")");
                }
            }
        }
        if (sorted.isEmpty()) {
            throw new RuleFileException("(standards)", 0, "no poverty standard is configured");
        }
        return new StandardCatalog(sorted);
    }

    public Optional<PovertyStandard> inForceOn(LocalDate date) {
        return standards.stream().filter(s -> s.inForceOn(date)).findFirst();
    }

    public Optional<PovertyStandard> byCode(String code) {
        return standards.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public List<PovertyStandard> all() {
        return standards;
    }
}
