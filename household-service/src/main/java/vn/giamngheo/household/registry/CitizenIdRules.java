package vn.giamngheo.household.registry;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.giamngheo.platform.rules.RuleFileException;
import vn.giamngheo.platform.rules.YamlNode;

/**
 * Checks a citizen identity number (CCCD) against the person it is given for: 12 digits; the first three a province
 * code; the fourth consistent with sex and century of birth; the fifth and sixth the last two digits of the birth year.
 */
public final class CitizenIdRules {

    record Century(int firstYear, int male, int female) {
    }

    private final Set<String> provinceCodes;
    private final List<Century> centuries;

    CitizenIdRules(Set<String> provinceCodes, List<Century> centuries) {
        this.provinceCodes = Set.copyOf(provinceCodes);
        this.centuries = List.copyOf(centuries);
    }

    static CitizenIdRules read(String file, InputStream in) {
        YamlNode root = YamlNode.read(file, in).allowOnly(Set.of("provinceCodes", "centuryDigits"));
        Set<String> codes = new TreeSet<>();
        for (YamlNode code : root.list("provinceCodes")) {
            if (!code.text().matches("\\d{3}") || !codes.add(code.text())) {
                throw code.error("'" + code.text() + "' is not a new three-digit province code");
            }
        }
        List<Century> centuries = new ArrayList<>();
        for (YamlNode century : root.list("centuryDigits")) {
            century.allowOnly(Set.of("firstYear", "male", "female"));
            centuries.add(new Century((int) century.longValue("firstYear"), (int) century.longValue("male"),
                    (int) century.longValue("female")));
        }
        return new CitizenIdRules(codes, centuries);
    }

    static CitizenIdRules load(org.springframework.core.io.Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return read(resource.getFilename(), in);
        } catch (IOException e) {
            throw new RuleFileException(String.valueOf(resource.getFilename()), 0, "cannot be read", e);
        }
    }

    /** Why {@code citizenId} cannot belong to a person of this sex born on this date; empty when it can. */
    public Optional<String> problem(String citizenId, Sex sex, LocalDate dateOfBirth) {
        if (citizenId == null || !citizenId.matches("\\d{12}")) {
            return Optional.of("must be 12 digits");
        }
        if (!provinceCodes.contains(citizenId.substring(0, 3))) {
            return Optional.of("digits 1-3 (" + citizenId.substring(0, 3) + ") are not a province code");
        }
        int year = dateOfBirth.getYear();
        Optional<Century> century = centuries.stream()
                .filter(c -> year >= c.firstYear() && year < c.firstYear() + 100).findFirst();
        if (century.isEmpty()) {
            return Optional.of("no century digit is defined for birth year " + year);
        }
        int expected = sex == Sex.MALE ? century.get().male() : century.get().female();
        int digit = citizenId.charAt(3) - '0';
        if (digit != expected) {
            return Optional.of("digit 4 is " + digit + " but a " + (sex == Sex.MALE ? "man" : "woman") + " born in "
                    + year + " has " + expected);
        }
        String yy = String.format("%02d", year % 100);
        if (!citizenId.substring(4, 6).equals(yy)) {
            return Optional.of("digits 5-6 are " + citizenId.substring(4, 6) + " but the year of birth is " + year);
        }
        return Optional.empty();
    }

}
