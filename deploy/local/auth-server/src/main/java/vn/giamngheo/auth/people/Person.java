package vn.giamngheo.auth.people;

import java.util.List;

/**
 * One person who signs in: what the tokens say about them ({@code sub} = login, {@code name}, {@code roles},
 * {@code units}, {@code department}) and the hash of their password, with its {@code {id}} ({@code {bcrypt}...}).
 *
 * @param units      unit codes they act for, {@code ["*"]} for every unit of the province, empty for none
 * @param department the department of a department officer; null for everyone else
 */
public record Person(String login, String name, List<String> roles, List<String> units, String department,
        String passwordHash) {

    public Person {
        roles = List.copyOf(roles);
        units = List.copyOf(units);
    }

    @Override
    public String toString() {
        // Never the hash: a person may end up in a log line.
        return "Person[" + login + ", " + name + ", " + roles + ", " + units + ", " + department + "]";
    }
}
