package vn.giamngheo.platform.rules;

import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;

/** A CEL expression of a rule file, compiled once with the standard macros; errors name the file and line. */
final class CelProgram {

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final String expression;
    private final String where;
    private final CelRuntime.Program program;

    private CelProgram(String expression, String where, CelRuntime.Program program) {
        this.expression = expression;
        this.where = where;
        this.program = program;
    }

    /** @param kind how the expected result is named in errors, e.g. "the condition" */
    static CelProgram compile(YamlNode source, Map<String, CelType> variables, CelType resultType, String kind) {
        String expression = source.text();
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(resultType);
        variables.forEach(builder::addVar);
        CelValidationResult result = builder.build().compile(expression);
        if (result.hasError()) {
            CelIssue first = result.getErrors().getFirst();
            int line = source.line() + Math.max(0, first.getSourceLocation().getLine() - 1);
            throw new RuleFileException(source.file(), line, source.path() + ": " + kind + " does not compile: "
                    + first.getMessage() + " in «" + expression + "»");
        }
        try {
            return new CelProgram(expression, source.file() + ":" + source.line(),
                    RUNTIME.createProgram(result.getAst()));
        } catch (Exception e) {
            throw new RuleFileException(source.file(), source.line(), source.path() + ": " + e.getMessage(), e);
        }
    }

    /** Evaluates and checks the result's type; any failure is a {@link RuleEvaluationException} naming file:line. */
    <T> T evaluate(Map<String, ?> variables, Class<T> type) {
        try {
            Object value = program.eval(variables);
            if (type.isInstance(value)) {
                return type.cast(value);
            }
            throw new RuleEvaluationException(where, expression, "gave " + value + " instead of a "
                    + type.getSimpleName());
        } catch (CelEvaluationException e) {
            throw new RuleEvaluationException(where, expression, e.getMessage());
        }
    }

    String expression() {
        return expression;
    }

    String where() {
        return where;
    }
}
