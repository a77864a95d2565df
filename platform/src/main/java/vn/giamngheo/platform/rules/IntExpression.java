package vn.giamngheo.platform.rules;

import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;

/** A whole-number CEL expression of a rule file (an amount, a percentage), compiled once, reported by file:line. */
public final class IntExpression {

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final String expression;
    private final String where;
    private final CelRuntime.Program program;

    private IntExpression(String expression, String where, CelRuntime.Program program) {
        this.expression = expression;
        this.where = where;
        this.program = program;
    }

    public static IntExpression compile(YamlNode source, Map<String, CelType> variables) {
        String expression = source.text();
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.INT);
        variables.forEach(builder::addVar);
        CelValidationResult result = builder.build().compile(expression);
        if (result.hasError()) {
            var first = result.getErrors().getFirst();
            throw new RuleFileException(source.file(), source.line() + Math.max(0, first.getSourceLocation().getLine() - 1),
                    source.path() + ": the expression does not compile to a whole number: " + first.getMessage()
                            + " in «" + expression + "»");
        }
        try {
            return new IntExpression(expression, source.file() + ":" + source.line(),
                    RUNTIME.createProgram(result.getAst()));
        } catch (Exception e) {
            throw new RuleFileException(source.file(), source.line(), source.path() + ": " + e.getMessage(), e);
        }
    }

    public long evaluate(Map<String, ?> variables) {
        try {
            Object value = program.eval(variables);
            if (value instanceof Long l) {
                return l;
            }
            throw new RuleEvaluationException(where, expression, "gave " + value + " instead of a whole number");
        } catch (CelEvaluationException e) {
            throw new RuleEvaluationException(where, expression, e.getMessage());
        }
    }

    public String expression() {
        return expression;
    }
}
