package vn.giamngheo.platform.rules;

import com.google.common.collect.ImmutableList;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CEL expression of a rule file, compiled once with the standard macros; errors name the file and line. When the
 * checked expression stays within {@link CelClosures}' subset it is evaluated as Java closures, otherwise by CEL's
 * interpreter, which also stays available as the reference the closures are tested against.
 */
final class CelProgram {

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final String expression;
    private final String where;
    private final CelRuntime.Program program;
    private final CelClosures.Program closures;

    private CelProgram(String expression, String where, CelRuntime.Program program, CelClosures.Program closures) {
        this.expression = expression;
        this.where = where;
        this.program = program;
        this.closures = closures;
    }

    /**
     * @param records the declared record types the variables use (and the types their fields use, found from these);
     *                null keeps the expression in CEL's interpreter (rule sets whose facts are not declared)
     * @param kind    how the expected result is named in errors, e.g. "the condition"
     */
    static CelProgram compile(YamlNode source, Map<String, CelType> variables, List<RecordType> records,
            CelType resultType, String kind) {
        String expression = source.text();
        Map<String, RecordType> declared = RecordType.byName(records == null ? List.of() : records);
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(resultType);
        if (!declared.isEmpty()) {
            builder.setTypeProvider(new CelTypeProvider() {
                @Override
                public ImmutableList<CelType> types() {
                    return declared.values().stream().map(r -> (CelType) r.celType()).collect(ImmutableList.toImmutableList());
                }

                @Override
                public Optional<CelType> findType(String name) {
                    return Optional.ofNullable(declared.get(name)).map(RecordType::celType);
                }
            });
        }
        variables.forEach(builder::addVar);
        CelValidationResult result = builder.build().compile(expression);
        if (result.hasError()) {
            CelIssue first = result.getErrors().getFirst();
            int line = source.line() + Math.max(0, first.getSourceLocation().getLine() - 1);
            throw new RuleFileException(source.file(), line, source.path() + ": " + kind + " does not compile: "
                    + first.getMessage() + " in «" + expression + "»");
        }
        try {
            CelClosures.Program closures = null;
            try {
                if (records != null) {
                    closures = CelClosures.compile(result.getAst(), declared);
                }
            } catch (CelClosures.Unsupported e) {
                // Beyond the compiled subset: the interpreter evaluates it.
            }
            return new CelProgram(expression, source.file() + ":" + source.line(),
                    RUNTIME.createProgram(result.getAst()), closures);
        } catch (Exception e) {
            throw new RuleFileException(source.file(), source.line(), source.path() + ": " + e.getMessage(), e);
        }
    }

    /** Evaluates and checks the result's type; any failure is a {@link RuleEvaluationException} naming file:line. */
    <T> T evaluate(Map<String, ?> variables, Class<T> type) {
        if (closures == null) {
            return interpret(variables, type);
        }
        try {
            return checked(closures.eval(variables), type);
        } catch (CelClosures.EvalError e) {
            throw new RuleEvaluationException(where, expression, e.getMessage());
        }
    }

    /** Evaluates with CEL's interpreter, whether or not the expression was compiled to closures: the reference. */
    <T> T interpret(Map<String, ?> variables, Class<T> type) {
        try {
            return checked(program.eval(variables), type);
        } catch (CelEvaluationException e) {
            throw new RuleEvaluationException(where, expression, e.getMessage());
        }
    }

    private <T> T checked(Object value, Class<T> type) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw new RuleEvaluationException(where, expression, "gave " + value + " instead of a "
                + type.getSimpleName());
    }

    /** Whether the expression runs as compiled closures rather than in CEL's interpreter. */
    boolean compiled() {
        return closures != null;
    }

    String expression() {
        return expression;
    }

    String where() {
        return where;
    }
}
