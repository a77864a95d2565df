package vn.giamngheo.policy.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import vn.giamngheo.platform.rules.RuleFileException;

/**
 * Every policy version this instance decides: only its departments', each version in force for its own period.
 *
 * <p>Versions of one policy follow each other without overlapping, except versions limited to a former province
 * ({@code formerProvince}): those of different former provinces run side by side, and one still open when a
 * province-wide version of the same policy starts ends the day before it. So the new province's own resolution, entered
 * as one file, takes over from the former provinces' without anyone editing theirs.
 */
public final class PolicyCatalog {

    /** The policies of the 2022 plan (plan-2022.md, section II.6). */
    public static final Set<String> CODES = Set.of("HEALTH_INSURANCE_PREMIUM", "HEALTH_INSURANCE_PREMIUM_PROVINCIAL",
            "TUITION_EXEMPTION", "STUDY_COST_SUPPORT", "ELECTRICITY_SUPPORT", "POOR_HOUSEHOLD_LOAN",
            "NEAR_POOR_HOUSEHOLD_LOAN", "NEWLY_ESCAPED_LOAN", "STUDENT_LOAN", "HOUSING_SUPPORT", "LEGAL_AID",
            "SOCIAL_ASSISTANCE", "SOCIAL_PENSION");

    /** The departments that run their own instance. */
    public static final Set<String> DEPARTMENTS = Set.of("HEALTH_INSURANCE", "EDUCATION", "LABOUR",
            "SOCIAL_POLICY_BANK", "JUSTICE");

    private static final Pattern QUOTED_CODE = Pattern.compile("'([A-Z][A-Z_]+)'");

    private final List<PolicyVersion> versions;
    private final List<PolicyVersion> everyDepartment;

    private PolicyCatalog(List<PolicyVersion> versions, List<PolicyVersion> everyDepartment) {
        this.versions = versions;
        this.everyDepartment = everyDepartment;
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
        List<PolicyVersion> ended = endFormerProvinceVersions(all);
        List<PolicyVersion> sorted = ended.stream().sorted(Comparator.comparing(PolicyVersion::code)
                .thenComparing(PolicyVersion::effectiveFrom)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size() && sorted.get(j).code().equals(sorted.get(i).code()); j++) {
                PolicyVersion a = sorted.get(i);
                PolicyVersion b = sorted.get(j);
                boolean sideBySide = a.formerProvince() != null && b.formerProvince() != null
                        && !a.formerProvince().equals(b.formerProvince());
                if (!sideBySide && (a.effectiveTo() == null || !a.effectiveTo().isBefore(b.effectiveFrom()))) {
                    throw new RuleFileException(b.file(), 0, b.code() + " from " + b.effectiveFrom() + " overlaps "
                            + a.file() + (a.endedBy() == null ? "" : " (ended by " + a.endedBy() + ")"));
                }
            }
        }
        Map<String, String> groupDepartments = new HashMap<>();
        for (PolicyVersion v : sorted) {
            if (v.exclusiveGroup() != null) {
                String other = groupDepartments.putIfAbsent(v.exclusiveGroup(), v.department());
                if (other != null && !other.equals(v.department())) {
                    // One instance must hold every policy of a group to pay only the highest of them.
                    throw new RuleFileException(v.file(), 0, "exclusiveGroup " + v.exclusiveGroup()
                            + " has policies of " + other + " and " + v.department() + "; one department must own it");
                }
            }
        }
        return new PolicyCatalog(sorted.stream().filter(v -> departments.contains(v.department())).toList(), sorted);
    }

    /** A former-province version without an end ends the day before the next province-wide version of its policy. */
    private static List<PolicyVersion> endFormerProvinceVersions(List<PolicyVersion> all) {
        List<PolicyVersion> result = new ArrayList<>();
        for (PolicyVersion v : all) {
            Optional<PolicyVersion> takesOver = v.formerProvince() == null || v.effectiveTo() != null
                    ? Optional.empty()
                    : all.stream().filter(w -> w.code().equals(v.code()) && w.formerProvince() == null
                            && w.effectiveFrom().isAfter(v.effectiveFrom()))
                            .min(Comparator.comparing(PolicyVersion::effectiveFrom));
            result.add(takesOver.map(w -> v.endedOn(w.effectiveFrom().minusDays(1), w.file())).orElse(v));
        }
        return result;
    }

    public List<PolicyVersion> inForceOn(LocalDate date) {
        return versions.stream().filter(v -> v.inForceOn(date)).toList();
    }

    /** The versions of every department in force on {@code date}: what a household receives from all of them. */
    List<PolicyVersion> everyDepartmentInForceOn(LocalDate date) {
        return everyDepartment.stream().filter(v -> v.inForceOn(date)).toList();
    }

    /** The version of {@code code} in force on {@code date}; a province-wide one before any former province's. */
    public Optional<PolicyVersion> inForce(String code, LocalDate date) {
        return versions.stream().filter(v -> v.code().equals(code) && v.inForceOn(date))
                .min(Comparator.comparing(v -> v.formerProvince() != null));
    }

    /** A version by its name ({@code CODE@effectiveFrom}, or {@code CODE/province@effectiveFrom}). */
    public Optional<PolicyVersion> version(String name) {
        return versions.stream().filter(v -> v.version().equals(name)).findFirst();
    }

    /**
     * The days on which what this instance decides may change for everyone: a version starting or ending, an amount
     * changing.
     */
    public SortedSet<LocalDate> changeDates() {
        SortedSet<LocalDate> dates = new TreeSet<>();
        versions.forEach(v -> dates.addAll(v.changeDates()));
        return Collections.unmodifiableSortedSet(dates);
    }

    /**
     * The policies whose receipt this instance's rules read ({@code 'SOCIAL_PENSION' in person.receives}): their
     * decisions, whichever department makes them, are facts here.
     */
    public Set<String> receiptsRead() {
        Set<String> codes = new TreeSet<>();
        for (PolicyVersion v : versions) {
            List<String> texts = new ArrayList<>(List.of(v.eligibleWhen().expression()));
            texts.addAll(v.entitlement().expressions());
            for (String text : texts) {
                if (!text.contains("receives")) {
                    continue;
                }
                Matcher m = QUOTED_CODE.matcher(text);
                while (m.find()) {
                    if (CODES.contains(m.group(1))) {
                        codes.add(m.group(1));
                    }
                }
            }
        }
        return Collections.unmodifiableSet(codes);
    }

    /** Whether the policy {@code code} belongs to an exclusive group, and which. */
    public Optional<String> exclusiveGroupOf(String code) {
        return everyDepartment.stream().filter(v -> v.code().equals(code)).map(PolicyVersion::exclusiveGroup)
                .filter(Objects::nonNull).findFirst();
    }

    /** The policies of an exclusive group. */
    public Set<String> codesOfGroup(String group) {
        Set<String> codes = new TreeSet<>();
        everyDepartment.stream().filter(v -> group.equals(v.exclusiveGroup())).forEach(v -> codes.add(v.code()));
        return codes;
    }

    /**
     * Changes when what this instance decides may change: a version added, removed, moved or edited. Households
     * reconciled under another fingerprint are looked at again (what a corrected file gives back).
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (PolicyVersion v : versions) {
                StringBuilder text = new StringBuilder().append(v.version()).append('|').append(v.effectiveTo())
                        .append('|').append(v.applicationRequired()).append('|').append(v.exclusiveGroup())
                        .append('|').append(v.eligibleWhen().expression()).append('|')
                        .append(v.entitlement().expressions()).append('|').append(v.entitlement().service())
                        .append('|').append(new TreeMap<>(v.amounts().tables())).append('\n');
                digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<PolicyVersion> all() {
        return versions;
    }
}
