package vn.giamngheo.auth.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The people of the people file, by login: who may sign in, and what their tokens say about them. */
public final class People {

    private final Map<String, Person> byLogin = new LinkedHashMap<>();

    public People(List<Person> people) {
        people.forEach(p -> byLogin.put(p.login(), p));
    }

    public Optional<Person> find(String login) {
        return Optional.ofNullable(byLogin.get(login));
    }

    public List<Person> all() {
        return List.copyOf(byLogin.values());
    }
}
