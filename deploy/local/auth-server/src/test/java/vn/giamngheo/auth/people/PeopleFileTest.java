package vn.giamngheo.auth.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The people file an administrator edits: every mistake is named by its line, person and field. */
class PeopleFileTest {

    static final Set<String> UNITS = Set.of("08707", "08716", "04828");
    static final Set<String> DEPARTMENTS = Set.of("EDUCATION", "SOCIAL_POLICY_BANK", "HEALTH_INSURANCE");
    static final String HASH = "\"{bcrypt}$2a$10$MlFBWiogOcGefuMsuzaXWeyUnvOvw97xu6bP/ZKJ03.5SSH2/KDTe\"";

    @Test
    void theDemoFileInTheJarHoldsEveryRoleOfThePortalWithItsUnitsAndDepartment() throws IOException {
        List<Person> people = PeopleFile.read("people.yml", bundled(), ProvinceUnits.today(),
                Set.of("EDUCATION", "SOCIAL_POLICY_BANK", "HEALTH_INSURANCE", "LABOUR", "JUSTICE"));

        assertThat(people).extracting(Person::login).contains("can-bo-08707", "can-bo-08716", "can-bo-04828",
                "chu-tich-08707", "chu-tich-08716", "so-nnmt", "quan-tri", "giao-duc", "nhcsxh", "bhyt", "ban-chi-dao");
        assertThat(people).filteredOn(p -> p.login().equals("can-bo-08707")).singleElement()
                .satisfies(p -> {
                    assertThat(p.name()).isEqualTo("Nguyễn Thị Hoa");
                    assertThat(p.roles()).containsExactly("WARD_OFFICER");
                    assertThat(p.units()).containsExactly("08707");
                });
        assertThat(people).filteredOn(p -> p.login().equals("bhyt")).singleElement()
                .satisfies(p -> assertThat(p.department()).isEqualTo("HEALTH_INSURANCE"));
        assertThat(people).allSatisfy(p -> assertThat(p.passwordHash()).startsWith("{bcrypt}$2a$"));
    }

    @Test
    void aGoodEntryIsRead() {
        List<Person> people = read("""
                people:
                  - login: can-bo-08707
                    name: Nguyễn Thị Hoa
                    roles: [WARD_OFFICER]
                    units: ["08707"]
                    passwordHash: %s
                """.formatted(HASH));

        assertThat(people).singleElement().satisfies(p -> {
            assertThat(p.login()).isEqualTo("can-bo-08707");
            assertThat(p.toString()).doesNotContain("bcrypt");
        });
    }

    @Test
    void anUnknownRoleIsNamedWithItsLineAndPerson() {
        assertProblem("""
                people:
                  - login: can-bo-08707
                    name: Nguyễn Thị Hoa
                    roles: [WARD_OFFICIAL]
                    units: ["08707"]
                    passwordHash: %s
                """, "line 4, person 'can-bo-08707', roles: unknown role 'WARD_OFFICIAL'");
    }

    @Test
    void anUnknownUnitIsNamed() {
        assertProblem("""
                people:
                  - login: can-bo-99999
                    name: Nguyễn Thị Hoa
                    roles: [WARD_OFFICER]
                    units: ["99999"]
                    passwordHash: %s
                """, "line 5, person 'can-bo-99999', units: unknown unit '99999'");
    }

    @Test
    void aDuplicateLoginIsNamed() {
        assertProblem("""
                people:
                  - login: so-nnmt
                    name: Hoàng Minh Đức
                    roles: [LABOUR_OFFICER]
                    units: ["*"]
                    passwordHash: %1$s
                  - login: so-nnmt
                    name: Hoàng Minh Đức
                    roles: [LABOUR_OFFICER]
                    units: ["*"]
                    passwordHash: %1$s
                """, "line 7, person 'so-nnmt', login: 'so-nnmt' is given to an earlier person too");
    }

    @Test
    void aMissingNameIsNamed() {
        assertProblem("""
                people:
                  - login: quan-tri
                    roles: [CITY_ADMIN]
                    units: ["*"]
                    passwordHash: %s
                """, "line 2, person 'quan-tri', name: missing");
    }

    @Test
    void aPasswordInsteadOfAHashIsRefused() {
        assertProblem("""
                people:
                  - login: quan-tri
                    name: Vũ Thị Mai
                    roles: [CITY_ADMIN]
                    units: ["*"]
                    passwordHash: "{noop}demo"
                """.replace("%s", ""), "line 6, person 'quan-tri', passwordHash: is not a {bcrypt} or {pbkdf2} hash");
    }

    @Test
    void aDepartmentOfficerNeedsAKnownDepartmentAndACommuneOfficerNeedsTheirUnits() {
        assertProblem("""
                people:
                  - login: giao-duc
                    name: Bùi Thị Hằng
                    roles: [DEPARTMENT_OFFICER]
                    units: ["*"]
                    department: EDUCATON
                    passwordHash: %1$s
                  - login: can-bo
                    name: Trần Văn Hùng
                    roles: [WARD_OFFICER]
                    units: ["*"]
                    passwordHash: %1$s
                """, "line 6, person 'giao-duc', department: unknown department 'EDUCATON'",
                "line 11, person 'can-bo', units: a commune's officer or chairman acts for their own units, not '*'");
    }

    @Test
    void aMachineRoleIsNotAPersons() {
        assertProblem("""
                people:
                  - login: bhxh
                    name: Hệ thống
                    roles: [PLATFORM_SERVICE]
                    units: ["*"]
                    passwordHash: %s
                """, "line 4, person 'bhxh', roles: PLATFORM_SERVICE is a machine client's role");
    }

    private static void assertProblem(String yaml, String... expected) {
        assertThatThrownBy(() -> read(yaml.formatted(HASH)))
                .isInstanceOfSatisfying(PeopleFileException.class, e -> {
                    for (String problem : expected) {
                        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith(problem));
                    }
                    assertThat(e.problems()).hasSize(expected.length);
                });
    }

    private static List<Person> read(String yaml) {
        return PeopleFile.read("test.yml", yaml, UNITS, DEPARTMENTS);
    }

    private static String bundled() throws IOException {
        try (InputStream in = new ClassPathResource("people.yml").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
