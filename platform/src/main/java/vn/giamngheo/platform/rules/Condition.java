package vn.giamngheo.platform.rules;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
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
        return new Condition(CelProgram.compile(source, variables, SimpleType.BOOL, "the condition"));
    }

    public boolean test(Map<String, ?> variables) {
        return program.evaluate(variables, Boolean.class);
    }

    public String expression() {
        return program.expression();
    }

    /** Where it was written, as {@code file:line}. */
    public String where() {
        return program.where();
    }
}
