package vn.giamngheo.platform.rules;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import java.util.Map;

/** A whole-number CEL expression of a rule file (an amount, a percentage), compiled once, reported by file:line. */
public final class IntExpression {

    private final CelProgram program;

    private IntExpression(CelProgram program) {
        this.program = program;
    }

    public static IntExpression compile(YamlNode source, Map<String, CelType> variables) {
        return new IntExpression(CelProgram.compile(source, variables, null, SimpleType.INT,
                "the expression (a whole number)"));
    }

    public long evaluate(Map<String, ?> variables) {
        return program.evaluate(variables, Long.class);
    }

    public String expression() {
        return program.expression();
    }
}
