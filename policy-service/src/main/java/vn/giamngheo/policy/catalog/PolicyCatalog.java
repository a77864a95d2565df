package vn.giamngheo.policy.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import vn.giamngheo.platform.rules.RuleFileException;

/** Every policy version this instance decides: only its departments', each version in force for its own period. */
public final class PolicyCatalog {

    /** The policies of the 2022 plan (plan-2022.md, section II.6). */
    public static final Set<String> CODES = Set.of("HEALTH_INSURANCE_PREMIUM", "HEALTH_INSURANCE_PREMIUM_PROVINCIAL",
            "TUITION_EXEMPTION", "STUDY_COST_SUPPORT", "ELECTRICITY_SUPPORT", "POOR_HOUSEHOLD_LOAN",
            "NEAR_POOR_HOUSEHOLD_LOAN", "NEWLY_ESCAPED_LOAN", "STUDENT_LOAN", "HOUSING_SUPPORT", "LEGAL_AID",
            "SOCIAL_ASSISTANCE", "SOCIAL_PENSION");

    /** The departments that run their own instance. */
    public static final Set<String> DEPARTMENTS = Set.of("HEALTH_INSURANCE", "EDUCATION", "LABOUR",
            "SOCIAL_POLICY_BANK", "JUSTICE");

    private final List<PolicyVersion> versions;

    private PolicyCatalog(List<PolicyVersion> versions) {
        this.versions = versions;
    }

    /** Loads every file, checks them all, and keeps the versions of {@code departments}. */
    public static PolicyCatalog load(List<Resource> files, Set<String> departments) {
        for (String department : departments) {
            if (!DEPARTMENTS.contains(department)) {
                throw new IllegalArgumentException("policy.departments: '" + department + "' is not one of "
                        + DEPARTMENTS);
            }
        }
        List<PolicyVersion> all = new ArrayList<>();
        for (Resource file : files) {
            String name = file.getFilename() == null ? file.getDescription() : file.getFilename();
            try (InputStream in = file.getInputStream()) {
                all.add(PolicyFile.read(name, in, CODES, DEPARTMENTS));
            } catch (IOException e) {
                throw new RuleFileException(name, 0, "cannot be read: " + e.getMessage(), e);
            }
        }
        return of(all, departments);
    }

    static PolicyCatalog of(List<PolicyVersion> all, Set<String> departments) {
        List<PolicyVersion> sorted = all.stream()
                .sorted(Comparator.comparing(PolicyVersion::code).thenComparing(PolicyVersion::effectiveFrom)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            PolicyVersion a = sorted.get(i - 1);
            PolicyVersion b = sorted.get(i);
            if (a.code().equals(b.code()) && (a.effectiveTo() == null || !a.effectiveTo().isBefore(b.effectiveFrom()))) {
                throw new RuleFileException(b.file(), 0, b.code() + " from " + b.effectiveFrom() + " overlaps "
                        + a.file());
            }
        }
        return new PolicyCatalog(sorted.stream().filter(v -> departments.contains(v.department())).toList());
    }

    public List<PolicyVersion> inForceOn(LocalDate date) {
        return versions.stream().filter(v -> v.inForceOn(date)).toList();
    }

    public Optional<PolicyVersion> inForce(String code, LocalDate date) {
        return versions.stream().filter(v -> v.code().equals(code) && v.inForceOn(date)).findFirst();
    }

    /** A version by its name ({@code CODE@effectiveFrom}). */
    public Optional<PolicyVersion> version(String name) {
        return versions.stream().filter(v -> v.version().equals(name)).findFirst();
    }

    /**
     * The days on which what this instance decides may change for everyone: a version starting or ending, an amount
     * changing.
     */
    public java.util.SortedSet<LocalDate> changeDates() {
        java.util.SortedSet<LocalDate> dates = new java.util.TreeSet<>();
        for (PolicyVersion v : versions) {
            dates.add(v.effectiveFrom());
            if (v.effectiveTo() != null) {
                dates.add(v.effectiveTo().plusDays(1));
            }
            v.amounts().tables().values().forEach(entries -> entries.forEach(e -> dates.add(e.from())));
        }
        return java.util.Collections.unmodifiableSortedSet(dates);
    }

    public List<PolicyVersion> all() {
        return versions;
    }
}
