package vn.giamngheo.auth.people;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and checks the people file an administrator edits:
 * <pre>
 * people:
 *   - login: can-bo-08707            # the sub of their tokens: lower-case letters, digits, '.', '_' and '-'
 *     name: Nguyễn Thị Hoa           # the full name shown in the portal and written in every audit entry
 *     roles: [WARD_OFFICER]
 *     units: ["08707"]               # 5-digit unit codes, or ["*"] for every unit of the province
 *     department: EDUCATION          # department officers only
 *     passwordHash: "{bcrypt}$2a$10$..."  # java -jar auth-server.jar hash-password
 * </pre>
 * Everything is checked before the provider starts, and every problem is reported with its line and person, so that
 * an administrator fixes the file in one go. The YAML is read as nodes (not bound to objects) to know those lines.
 */
public final class PeopleFile {

    /** The roles a person may hold; BHXH_SYSTEM and PLATFORM_SERVICE belong to machine clients. */
    static final Set<String> PERSON_ROLES = Set.of("CITY_ADMIN", "LABOUR_OFFICER", "WARD_OFFICER", "COMMUNE_CHAIRMAN",
            "DEPARTMENT_OFFICER", "STEERING_VIEWER");
    static final Set<String> MACHINE_ROLES = Set.of("BHXH_SYSTEM", "PLATFORM_SERVICE");
    /** Roles bound to the communes they serve: the whole province would give them every household. */
    static final Set<String> AREA_ROLES = Set.of("WARD_OFFICER", "COMMUNE_CHAIRMAN");
    static final String ALL_UNITS = "*";

    private static final List<String> FIELDS = List.of("login", "name", "roles", "units", "department",
            "passwordHash");
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern UNIT = Pattern.compile("\\d{5}");
    /**
     * The hashes Spring Security's DelegatingPasswordEncoder checks, with their {@code {id}}: BCrypt (the 2a, 2b and 2y
     * variants; htpasswd -B writes 2y) and PBKDF2. Plain, MD5 and SHA ids are refused: a leaked file must not give
     * the passwords away.
     */
    private static final Pattern HASH = Pattern.compile("\\{bcrypt}\\$2[aby]\\$\\d\\d\\$[./0-9A-Za-z]{53}"
            + "|\\{pbkdf2(@SpringSecurity_v5_8)?}[0-9a-f]{64,}");

    private PeopleFile() {
    }

    /**
     * @param location    where the text came from, for the messages
     * @param units       the codes of the province's units today: a person acts for some of them, or for all
     * @param departments the department codes a department officer may carry
     */
    public static List<Person> read(String location, String text, Set<String> units, Set<String> departments) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new PeopleFileException(location, List.of("not YAML: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        Node list = root instanceof MappingNode top ? field(top, "people") : null;
        if (!(list instanceof SequenceNode entries) || entries.getValue().isEmpty()) {
            throw new PeopleFileException(location, List.of("line " + line(root)
                    + ": expected 'people:' followed by a list of people, one '- login: ...' each"));
        }
        if (root instanceof MappingNode top && top.getValue().size() > 1) {
            problems.add("line " + line(top) + ": only 'people' is expected at the top of the file");
        }
        List<Person> people = new ArrayList<>();
        Set<String> logins = new HashSet<>();
        int number = 0;
        for (Node node : entries.getValue()) {
            number++;
            Entry entry = new Entry(node, number, problems);
            Person person = entry.person(units, departments);
            if (person != null && !logins.add(person.login())) {
                entry.problem("login", "'" + person.login() + "' is given to an earlier person too");
            } else if (person != null) {
                people.add(person);
            }
        }
        if (!problems.isEmpty()) {
            throw new PeopleFileException(location, problems);
        }
        return List.copyOf(people);
    }

    private static Node field(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static int line(Node node) {
        return node == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /** One person's entry, collecting its problems as it is read. */
    private static final class Entry {

        private final Node node;
        private final int number;
        private final List<String> problems;
        private final Map<String, Node> fields = new LinkedHashMap<>();
        private final int before;
        private String login;

        Entry(Node node, int number, List<String> problems) {
            this.node = node;
            this.number = number;
            this.problems = problems;
            this.before = problems.size();
            if (node instanceof MappingNode mapping) {
                // Known first, so that every problem of the entry names the person.
                if (field(mapping, "login") instanceof ScalarNode named && !named.getValue().isBlank()) {
                    login = named.getValue().strip();
                }
                for (NodeTuple tuple : mapping.getValue()) {
                    String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                    if (!FIELDS.contains(key)) {
                        problemAt(tuple.getKeyNode(), key, "unknown field (known: " + String.join(", ", FIELDS) + ")");
                    } else if (fields.put(key, tuple.getValueNode()) != null) {
                        problemAt(tuple.getKeyNode(), key, "given twice");
                    }
                }
            } else {
                problemAt(node, "entry", "expected 'login: ...', 'name: ...' and the other fields");
            }
        }

        Person person(Set<String> knownUnits, Set<String> departments) {
            if (!(node instanceof MappingNode)) {
                return null;
            }
            login = scalar("login", true);
            if (login != null && !LOGIN.matcher(login).matches()) {
                problem("login", "'" + login + "' must be 2 to 64 lower-case letters, digits, '.', '_' or '-' (the "
                        + "login is typed at sign-in and is the subject of every token and audit entry)");
            }
            String name = scalar("name", true);
            if (name != null && (name.length() > 120 || name.chars().anyMatch(Character::isISOControl))) {
                problem("name", "must be one line of at most 120 characters");
            }
            List<String> roles = list("roles", true);
            for (String role : roles) {
                if (MACHINE_ROLES.contains(role)) {
                    problem("roles", role + " is a machine client's role, not a person's");
                } else if (!PERSON_ROLES.contains(role)) {
                    problem("roles", "unknown role '" + role + "' (known: " + String.join(", ",
                            PERSON_ROLES.stream().sorted().toList()) + ")");
                }
            }
            List<String> units = list("units", false);
            for (String unit : units) {
                if (ALL_UNITS.equals(unit) ? units.size() > 1 : !UNIT.matcher(unit).matches()) {
                    problem("units", "'" + unit + "' must be a 5-digit unit code, or '*' alone for every unit");
                } else if (!ALL_UNITS.equals(unit) && !knownUnits.contains(unit)) {
                    problem("units", "unknown unit '" + unit + "': not a commune or ward of the province today");
                }
            }
            if (units.contains(ALL_UNITS) && roles.stream().anyMatch(AREA_ROLES::contains)) {
                problem("units", "a commune's officer or chairman acts for their own units, not '*'");
            } else if (units.isEmpty() && roles.stream().anyMatch(AREA_ROLES::contains)) {
                problem("units", "a commune's officer or chairman needs the units they act for");
            }
            String department = scalar("department", false);
            boolean officer = roles.contains("DEPARTMENT_OFFICER");
            if (officer && department == null) {
                problem("department", "a DEPARTMENT_OFFICER needs one (" + String.join(", ", departments) + ")");
            } else if (!officer && department != null) {
                problem("department", "only a DEPARTMENT_OFFICER has a department");
            } else if (department != null && !departments.contains(department)) {
                problem("department", "unknown department '" + department + "' (known: "
                        + String.join(", ", departments) + ")");
            }
            String hash = scalar("passwordHash", true);
            if (hash != null && !HASH.matcher(hash).matches()) {
                problem("passwordHash", "is not a {bcrypt} or {pbkdf2} hash (java -jar auth-server.jar "
                        + "hash-password); never the password itself");
            }
            if (problems.size() > before) {
                return null;
            }
            return new Person(login, name, roles, units, department, hash);
        }

        private String scalar(String key, boolean required) {
            Node value = fields.get(key);
            if (value == null || value instanceof ScalarNode s && s.getValue().isBlank()) {
                if (required) {
                    problemAt(node, key, "missing");
                }
                return null;
            }
            if (!(value instanceof ScalarNode scalar)) {
                problemAt(value, key, "must be a single value");
                return null;
            }
            return scalar.getValue().strip();
        }

        private List<String> list(String key, boolean required) {
            Node value = fields.get(key);
            if (value == null) {
                if (required) {
                    problemAt(node, key, "missing");
                }
                return List.of();
            }
            if (!(value instanceof SequenceNode sequence)) {
                problemAt(value, key, "must be a list, e.g. [" + ("roles".equals(key) ? "WARD_OFFICER" : "\"08707\"")
                        + "]");
                return List.of();
            }
            List<String> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                    items.add(scalar.getValue().strip());
                } else {
                    problemAt(item, key, "each item must be a single value");
                }
            }
            if (required && items.isEmpty()) {
                problemAt(value, key, "must not be empty");
            }
            return items;
        }

        void problem(String key, String reason) {
            problemAt(fields.getOrDefault(key, node), key, reason);
        }

        private void problemAt(Node at, String key, String reason) {
            problems.add("line " + line(at) + ", person " + (login != null ? "'" + login + "'" : "#" + number) + ", "
                    + key + ": " + reason);
        }
    }
}
