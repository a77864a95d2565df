package vn.giamngheo.household.registry;

import java.time.LocalDate;
import java.util.List;

/** Object mother: households with domain names, shared by the registry's tests. */
public final class Households {

    private Households() {
    }

    /** The household of the golden sample: a couple and their daughter in Phường Vĩnh Yên. */
    public static List<Member> familyOfThree(String headId, String spouseId, String childId) {
        return List.of(
                new Member(headId, "Nguyễn Văn An", LocalDate.parse("1968-03-14"), Sex.MALE, "026068001234",
                        Relation.HEAD),
                new Member(spouseId, "Trần Thị Bình", LocalDate.parse("1971-09-02"), Sex.FEMALE, "026171005678",
                        Relation.SPOUSE),
                new Member(childId, "Nguyễn Thị Chi", LocalDate.parse("2012-06-20"), Sex.FEMALE, null,
                        Relation.CHILD));
    }

    /** The JSON a ward officer posts to register that family. */
    public static String registrationJson(String unitCode) {
        return """
                {
                  "unitCode": "%s",
                  "village": "Tổ dân phố Đồng Tâm 3",
                  "members": [
                    { "fullName": "Nguyễn Văn An", "dateOfBirth": "1968-03-14", "sex": "MALE",
                      "citizenId": "026068001234", "relationToHead": "HEAD" },
                    { "fullName": "Trần Thị Bình", "dateOfBirth": "1971-09-02", "sex": "FEMALE",
                      "citizenId": "026171005678", "relationToHead": "SPOUSE" },
                    { "fullName": "Nguyễn Thị Chi", "dateOfBirth": "2012-06-20", "sex": "FEMALE",
                      "relationToHead": "CHILD" }
                  ]
                }
                """.formatted(unitCode);
    }
}
