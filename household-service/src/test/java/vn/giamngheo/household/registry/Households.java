package vn.giamngheo.household.registry;

import java.time.LocalDate;
import java.util.List;

/** Object mother: households with domain names, shared by the registry's tests. */
public final class Households {

    private Households() {
    }

    /** The household of the golden sample: a couple and their daughter in Phường Vĩnh Yên. */
    public static List<Member> familyOfThree(String headId, String spouseId, String childId) {
        LocalDate joined = LocalDate.parse("2026-11-24");
        return List.of(
                Member.joining(headId, "Nguyễn Văn An", LocalDate.parse("1968-03-14"), Sex.MALE, "026068001234",
                        Relation.HEAD, joined),
                Member.joining(spouseId, "Trần Thị Bình", LocalDate.parse("1971-09-02"), Sex.FEMALE, "026171005678",
                        Relation.SPOUSE, joined),
                Member.joining(childId, "Nguyễn Thị Chi", LocalDate.parse("2012-06-20"), Sex.FEMALE, null,
                        Relation.CHILD, joined));
    }

    private static final java.util.concurrent.atomic.AtomicInteger SERIAL =
            new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(900_000));

    /** A valid CCCD not used before in this test JVM: province 026, the century/sex digit and year, a serial. */
    public static String newCitizenId(Sex sex, LocalDate born) {
        int century = born.getYear() < 2000 ? 0 : 2;
        int digit = century + (sex == Sex.FEMALE ? 1 : 0);
        return String.format("026%d%02d%06d", digit, born.getYear() % 100, SERIAL.incrementAndGet() % 1_000_000);
    }

    /** The JSON a ward officer posts to register that family, with citizen ids no other test uses. */
    public static String registrationJson(String unitCode) {
        return registrationJson(unitCode, newCitizenId(Sex.MALE, LocalDate.parse("1968-03-14")),
                newCitizenId(Sex.FEMALE, LocalDate.parse("1971-09-02")));
    }

    public static String registrationJson(String unitCode, String headCitizenId, String spouseCitizenId) {
        return """
                {
                  "unitCode": "%s",
                  "village": "Tổ dân phố Đồng Tâm 3",
                  "members": [
                    { "fullName": "Nguyễn Văn An", "dateOfBirth": "1968-03-14", "sex": "MALE",
                      "citizenId": "%s", "relationToHead": "HEAD" },
                    { "fullName": "Trần Thị Bình", "dateOfBirth": "1971-09-02", "sex": "FEMALE",
                      "citizenId": "%s", "relationToHead": "SPOUSE" },
                    { "fullName": "Nguyễn Thị Chi", "dateOfBirth": "2012-06-20", "sex": "FEMALE",
                      "relationToHead": "CHILD" }
                  ]
                }
                """.formatted(unitCode, headCitizenId, spouseCitizenId);
    }
}
