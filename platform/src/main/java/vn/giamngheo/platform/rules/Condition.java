package vn.giamngheo.platform.rules;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import java.util.List;
import java.util.Map;

/**
 * A rule condition in CEL, compiled once when its file is loaded and evaluated many times. CEL is safe (no side
 * effects, always terminates), which is why administrators may edit these files.
 */
public final class Condition {

    private final CelProgram program;

    private Condition(CelProgram program) {
        this.program = program;
    }

    /**
     * Compiles a boolean condition over the declared variables; any syntax error, unknown variable or non-boolean
     * result is reported at the line of {@code source} in its file.
     */
    public static Condition compile(YamlNode source, Map<String, CelType> variables) {
        return new Condition(CelProgram.compile(source, variables, null, SimpleType.BOOL, "the condition"));
    }

    /**
     * Compiles over variables some of which may be declared records: a field the record does not declare, or a
     * comparison its type does not allow, is reported here rather than when a household meets the rule; and the
     * condition runs as compiled closures when it stays within their subset.
     */
    public static Condition compile(YamlNode source, Map<String, CelType> variables, List<RecordType> records) {
        return new Condition(CelProgram.compile(source, variables, records, SimpleType.BOOL, "the condition"));
    }

    public boolean test(Map<String, ?> variables) {
        return program.evaluate(variables, Boolean.class);
    }

    /** {@link #test} by CEL's interpreter, the reference: for tests that compare it with the compiled form. */
    public boolean testByInterpreter(Map<String, ?> variables) {
        return program.interpret(variables, Boolean.class);
    }

    /** Whether it runs as compiled Java closures (see {@code CelClosures}) rather than in CEL's interpreter. */
    public boolean compiled() {
        return program.compiled();
    }

    public String expression() {
        return program.expression();
    }

    /** Where it was written, as {@code file:line}. */
    public String where() {
        return program.where();
    }
}
