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

    /** Why a citizen id cannot belong to a person: in English for the API, in Vietnamese for an officer's file. */
    public record Mismatch(String reason, String reasonVi) {
    }

    /**
     * Why {@code citizenId} cannot be anyone's citizen id, whoever gives it (not 12 digits, no province code first);
     * empty when it can. For a number given without the person's sex and birth date (a household's online request).
     */
    public Optional<Mismatch> malformed(String citizenId) {
        if (citizenId == null || !citizenId.matches("\\d{12}")) {
            return Optional.of(new Mismatch("must be 12 digits", "phải gồm 12 chữ số"));
        }
        String province = citizenId.substring(0, 3);
        if (!provinceCodes.contains(province)) {
            return Optional.of(new Mismatch("digits 1-3 (" + province + ") are not a province code",
                    "3 chữ số đầu (" + province + ") không phải mã tỉnh"));
        }
        return Optional.empty();
    }

    /** Why {@code citizenId} cannot belong to a person of this sex born on this date; empty when it can. */
    public Optional<String> problem(String citizenId, Sex sex, LocalDate dateOfBirth) {
        return mismatch(citizenId, sex, dateOfBirth).map(Mismatch::reason);
    }

    /** {@link #problem}, said in both languages. */
    public Optional<Mismatch> mismatch(String citizenId, Sex sex, LocalDate dateOfBirth) {
        Optional<Mismatch> malformed = malformed(citizenId);
        if (malformed.isPresent()) {
            return malformed;
        }
        int year = dateOfBirth.getYear();
        Optional<Century> century = centuries.stream()
                .filter(c -> year >= c.firstYear() && year < c.firstYear() + 100).findFirst();
        if (century.isEmpty()) {
            return Optional.of(new Mismatch("no century digit is defined for birth year " + year,
                    "chưa có quy định chữ số thế kỷ cho năm sinh " + year));
        }
        int expected = sex == Sex.MALE ? century.get().male() : century.get().female();
        int digit = citizenId.charAt(3) - '0';
        if (digit != expected) {
            return Optional.of(new Mismatch("digit 4 is " + digit + " but a " + (sex == Sex.MALE ? "man" : "woman")
                    + " born in " + year + " has " + expected, "chữ số thứ 4 là " + digit + " nhưng "
                    + (sex == Sex.MALE ? "nam" : "nữ") + " sinh năm " + year + " có số " + expected));
        }
        String yy = String.format("%02d", year % 100);
        if (!citizenId.substring(4, 6).equals(yy)) {
            return Optional.of(new Mismatch("digits 5-6 are " + citizenId.substring(4, 6)
                    + " but the year of birth is " + year, "chữ số thứ 5-6 là " + citizenId.substring(4, 6)
                    + " nhưng năm sinh là " + year));
        }
        return Optional.empty();
    }

}
