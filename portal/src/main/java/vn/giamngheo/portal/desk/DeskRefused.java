package vn.giamngheo.portal.desk;

/**
 * The desk refuses: the person is not a department officer, or what they asked for belongs to another department (or
 * lies outside their units), as policy-service answered.
 *
 * @param department the department the thing belongs to, when the service named it; null otherwise
 */
class DeskRefused extends RuntimeException {

    private final String department;

    DeskRefused(String department, String why) {
        super(why);
        this.department = department;
    }

    String department() {
        return department;
    }
}
