package vn.giamngheo.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The closures a checked rule is compiled to give what CEL's interpreter gives — the same answer, or both fail — on
 * random values (fixed seed), for every construct of the compiled subset; what is outside it still runs, in the
 * interpreter; and declared records let the checker refuse a wrong field or type when the rule is compiled.
 */
class CelClosuresTest {

    private static final RecordType PERSON = RecordType.named("test.Person")
            .field("age", SimpleType.INT)
            .field("name", SimpleType.STRING)
            .field("score", SimpleType.DOUBLE)
            .field("insured", SimpleType.BOOL)
            .field("tags", ListType.create(SimpleType.STRING))
            .optionalField("nickname", SimpleType.STRING)
            .build();
    private static final RecordType GROUP = RecordType.named("test.Group")
            .listField("people", PERSON)
            .field("head", PERSON)
            .field("limits", MapType.create(SimpleType.STRING, SimpleType.INT))
            .field("area", SimpleType.DOUBLE)
            .build();
    private static final Map<String, CelType> VARIABLES = Map.of("g", GROUP.celType(), "n", SimpleType.INT,
            "flags", MapType.create(SimpleType.STRING, SimpleType.BOOL));

    /** Every construct of the subset, and the error cases: a missing optional field or map key, overflow, NaN. */
    private static final List<String> COMPILED = List.of(
            "g.people.exists(p, p.age >= 15 && p.age < 60 && !p.insured)",
            "g.people.all(p, p.age > 0 || p.insured)",
            "g.people.exists_one(p, p.name == 'An')",
            "g.people.filter(p, p.age < 16 || p.age >= 60).size() * 2 > g.people.size()",
            "g.people.map(p, p.age * 2).exists(a, a > 100)",
            "g.people.map(p, p.score).all(s, s <= 50.0)",
            "g.area < 8.0 * double(g.people.size())",
            "g.area == 16.0 || g.area != g.area",
            "g.head.name in ['An', 'Bình', 'Chi'] && !(g.head.name in g.head.tags)",
            "g.head.tags.exists(t, t in ['x', 'y']) ? g.head.age > 3 : g.head.age <= 3",
            "g.head.nickname == 'Út' || g.head.age > 30",
            "g.head.age > 30 || g.head.nickname == 'Út'",
            "g.head.age > 30 && g.head.nickname.size() > 2",
            "has(g.head.nickname) && g.head.nickname == 'Út' || !has(g.head.nickname) && g.head.insured",
            "g.limits.a + n > 10",
            "g.limits.b - g.head.age < 0 || flags.ok",
            "flags.ok && flags.late",
            "g.head.age * 9223372036854775807 > 1",
            "g.head.age + 9223372036854775807 > 0 || g.head.insured",
            "-g.head.age < n % 7 && n / 3 >= -g.head.age",
            "g.head.score / 0.0 > 1.0 || -g.head.score >= g.head.score",
            "g.head.score < 1.0 || g.head.score >= 1.0",
            "g.head.name < 'B' && g.head.name + '!' > 'A'",
            "size(g.head.name) == 3 || g.head.name.size() > 4",
            "g.people[0].age >= g.people[g.people.size() - 1].age",
            "g.people[1].insured",
            "[g.head.age, n].exists(x, x == 7)",
            "g.head.insured > false || true == g.head.insured",
            "int(g.head.age) == n && double(n) == g.head.score",
            "size(g.limits) > 1 && g.limits.size() < 3 && 'a' in g.limits.map(k, k)",
            "g.people.exists(p, p.tags.exists(t, t == p.name))");

    @Test
    void closuresAgreeWithTheInterpreterOnRandomValues() {
        Random random = new Random(20261207);
        List<Condition> conditions = COMPILED.stream().map(CelClosuresTest::condition).toList();
        assertThat(conditions).allSatisfy(c -> assertThat(c.compiled()).as(c.expression()).isTrue());
        Map<String, Integer> failures = new LinkedHashMap<>();
        Map<String, Integer> truths = new LinkedHashMap<>();
        for (int n = 0; n < 3_000; n++) {
            Map<String, Object> variables = randomVariables(random);
            for (Condition condition : conditions) {
                Object compiled = outcome(() -> condition.test(variables));
                Object interpreted = outcome(() -> condition.testByInterpreter(variables));
                assertThat(compiled).as("%s on %s", condition.expression(), variables).isEqualTo(interpreted);
                failures.merge(condition.expression(), compiled instanceof String ? 1 : 0, Integer::sum);
                truths.merge(condition.expression(), Boolean.TRUE.equals(compiled) ? 1 : 0, Integer::sum);
            }
        }
        // The random values reach both answers of most conditions, and the failures the error cases are about.
        assertThat(truths.values().stream().filter(t -> t > 0 && t < 3_000).count()).isGreaterThan(20);
        assertThat(failures.get("g.head.age * 9223372036854775807 > 1")).isPositive();
        assertThat(failures.get("g.head.age > 30 && g.head.nickname.size() > 2")).isPositive();
        assertThat(failures.get("g.people[1].insured")).isPositive();
        assertThat(failures.get("flags.ok && flags.late")).isPositive();
    }

    @Test
    void whatIsOutsideTheSubsetRunsInTheInterpreter() {
        Condition dynamic = Condition.compile(node("dyn(g.head.age) == 3 || g.head.name.startsWith('A')"), VARIABLES,
                List.of(GROUP));
        Condition untyped = Condition.compile(node("household.size > 2"),
                Map.of("household", MapType.create(SimpleType.STRING, SimpleType.DYN)));

        assertThat(dynamic.compiled()).isFalse();
        assertThat(untyped.compiled()).isFalse();
        assertThat(untyped.test(Map.of("household", Map.of("size", 3L)))).isTrue();
        assertThat(dynamic.test(randomVariables(new Random(1)))).isIn(true, false);
    }

    @Test
    void aFieldTheRecordDoesNotDeclareOrAWrongTypeIsRefusedWhenCompiled() {
        assertThatThrownBy(() -> Condition.compile(node("g.head.agee > 3"), VARIABLES, List.of(GROUP)))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("does not compile")
                .hasMessageContaining("agee");
        assertThatThrownBy(() -> Condition.compile(node("g.head.name > 3"), VARIABLES, List.of(GROUP)))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("does not compile")
                .hasMessageContaining("no matching overload");
    }

    @Test
    void aRecordIsBuiltOnlyWithItsDeclaredFieldsAndTypes() {
        assertThatThrownBy(() -> PERSON.builder().set("agee", 3L)).hasMessageContaining("has no field agee");
        assertThatThrownBy(() -> PERSON.builder().set("age", "3")).hasMessageContaining("test.Person.age is declared int");
        assertThatThrownBy(() -> PERSON.builder().set("age", 3).build()).hasMessageContaining("test.Person.name is not set");
        FactRecord person = person(new Random(3));
        assertThat(person).containsKey("age").doesNotContainKey("agee");
        assertThat(person.keySet()).startsWith("age", "name", "score", "insured", "tags");
    }

    private static Object outcome(Supplier<Boolean> evaluation) {
        try {
            return evaluation.get();
        } catch (RuleEvaluationException e) {
            return "failed";
        }
    }

    private static Condition condition(String expression) {
        return Condition.compile(node(expression), VARIABLES, List.of(GROUP));
    }

    private static YamlNode node(String expression) {
        String yaml = "when: \"" + expression.replace("\"", "\\\"") + "\"\n";
        return YamlNode.read("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).get("when");
    }

    private static Map<String, Object> randomVariables(Random random) {
        List<FactRecord> people = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            people.add(person(random));
        }
        Map<String, Long> limits = new LinkedHashMap<>();
        for (String key : List.of("a", "b", "c")) {
            if (random.nextInt(4) > 0) {
                limits.put(key, (long) random.nextInt(20) - 5);
            }
        }
        FactRecord group = GROUP.builder().set("people", people).set("head", person(random)).set("limits", limits)
                .set("area", random.nextInt(4) == 0 ? 8.0 * people.size() : random.nextInt(400) / 10.0).build();
        Map<String, Boolean> flags = new LinkedHashMap<>();
        if (random.nextInt(3) > 0) {
            flags.put("ok", random.nextBoolean());
        }
        if (random.nextInt(3) > 0) {
            flags.put("late", random.nextBoolean());
        }
        return Map.of("g", group, "n", (long) random.nextInt(21) - 3, "flags", flags);
    }

    private static FactRecord person(Random random) {
        String[] names = {"An", "Bình", "Chi", "", "x", "Út"};
        List<String> tags = new ArrayList<>();
        for (String tag : List.of("x", "y", "An", "z")) {
            if (random.nextInt(3) == 0) {
                tags.add(tag);
            }
        }
        long age = switch (random.nextInt(12)) {
            case 0 -> Long.MAX_VALUE;
            case 1 -> Long.MIN_VALUE;
            case 2 -> 0;
            default -> random.nextInt(100) - 3;
        };
        double score = switch (random.nextInt(12)) {
            case 0 -> Double.NaN;
            case 1 -> -0.0;
            case 2 -> Double.POSITIVE_INFINITY;
            default -> random.nextInt(1000) / 10.0;
        };
        return PERSON.builder().set("age", age).set("name", names[random.nextInt(names.length)]).set("score", score)
                .set("insured", random.nextBoolean()).set("tags", tags)
                .set("nickname", random.nextBoolean() ? null : names[random.nextInt(names.length)]).build();
    }
}
