package vn.giamngheo.platform.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;

/**
 * A rule condition in CEL, compiled once when its file is loaded and evaluated many times. CEL is safe (no side
 * effects, always terminates), which is why administrators may edit these files.
 */
public final class Condition {

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final String expression;
    private final String where;
    private final CelRuntime.Program program;

    private Condition(String expression, String where, CelRuntime.Program program) {
        this.expression = expression;
        this.where = where;
        this.program = program;
    }

    /**
     * Compiles a boolean condition over the declared variables; any syntax error, unknown variable or non-boolean
     * result is reported at the line of {@code source} in its file.
     */
    public static Condition compile(YamlNode source, Map<String, CelType> variables) {
        String expression = source.text();
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL);
        variables.forEach(builder::addVar);
        CelCompiler compiler = builder.build();
        CelValidationResult result = compiler.compile(expression);
        if (result.hasError()) {
            CelIssue first = result.getErrors().getFirst();
            int line = source.line() + Math.max(0, first.getSourceLocation().getLine() - 1);
            throw new RuleFileException(source.file(), line, source.path() + ": the condition does not compile: "
                    + first.getMessage() + " in «" + expression + "»");
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            return new Condition(expression, source.file() + ":" + source.line(), RUNTIME.createProgram(ast));
        } catch (Exception e) {
            throw new RuleFileException(source.file(), source.line(), source.path() + ": " + e.getMessage(), e);
        }
    }

    public boolean test(Map<String, ?> variables) {
        try {
            Object value = program.eval(variables);
            if (value instanceof Boolean b) {
                return b;
            }
            throw new RuleEvaluationException(where, expression, "gave " + value + " instead of true or false");
        } catch (CelEvaluationException e) {
            throw new RuleEvaluationException(where, expression, e.getMessage());
        }
    }

    public String expression() {
        return expression;
    }

    /** Where it was written, as {@code file:line}. */
    public String where() {
        return where;
    }
}
