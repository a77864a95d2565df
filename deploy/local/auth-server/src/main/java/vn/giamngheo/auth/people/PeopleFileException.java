package vn.giamngheo.auth.people;

import java.util.List;

/** A people file that cannot be used, with every problem found in it, each naming the line and the person. */
public class PeopleFileException extends RuntimeException {

    private final String location;
    private final List<String> problems;

    PeopleFileException(String location, List<String> problems) {
        super("The people file " + location + " is not valid:\n  " + String.join("\n  ", problems));
        this.location = location;
        this.problems = List.copyOf(problems);
    }

    public String location() {
        return location;
    }

    public List<String> problems() {
        return problems;
    }
}
