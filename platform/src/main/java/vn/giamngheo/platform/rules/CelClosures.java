package vn.giamngheo.platform.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongBinaryOperator;

/**
 * Compiles a type-checked CEL expression into Java closures, for the subset of CEL the rule files use: constants
 * (bool, int, double, string), variables, fields of declared records and of string-keyed maps, {@code has()}, list
 * literals, the comprehensions the macros expand to ({@code exists}, {@code all}, {@code exists_one},
 * {@code filter}, {@code map}), {@code ! && || ?:}, equality, ordering, {@code in} on lists of bool, int, double or
 * string, integer and double arithmetic, {@code size}, {@code double(int)} and list indexing. Every operator is taken
 * from the overload the checker resolved, so nothing is dispatched while evaluating. Anything else — a {@code dyn}
 * operand, another function — makes {@link #compile} refuse, and CEL's interpreter runs that expression instead.
 *
 * <p>The closures follow CEL-Java's interpreter, which stays the reference (its tests compare both on random
 * values): an error is a value that {@code &&} and {@code ||} absorb when the other side decides
 * ({@code false && error} is false), that a comprehension's step carries to the next iteration, and that anything
 * else propagates; integer arithmetic fails on overflow.
 */
final class CelClosures {

    /** The expression uses something outside the subset; the interpreter evaluates it. */
    static final class Unsupported extends Exception {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /** A CEL error while evaluating (a missing key, an overflow); cheap, without a stack trace. */
    static final class EvalError extends RuntimeException {
        EvalError(String message) {
            super(message, null, false, false);
        }
    }

    @FunctionalInterface
    interface Node {
        Object eval(Object[] frame);
    }

    /** A compiled expression: evaluate with the variables by name. */
    static final class Program {

        private final Node root;
        private final int frameSize;
        private final String[] variableNames;
        private final int[] variableSlots;

        private Program(Node root, int frameSize, Map<String, Integer> variables) {
            this.root = root;
            this.frameSize = frameSize;
            this.variableNames = variables.keySet().toArray(String[]::new);
            this.variableSlots = variables.values().stream().mapToInt(Integer::intValue).toArray();
        }

        Object eval(Map<String, ?> variables) {
            Object[] frame = new Object[frameSize];
            for (int i = 0; i < variableSlots.length; i++) {
                Object value = variables.get(variableNames[i]);
                frame[variableSlots[i]] = value == null
                        ? new EvalError("No value with name '" + variableNames[i] + "' found")
                        : value instanceof Integer n ? Long.valueOf(n) : value;
            }
            try {
                return root.eval(frame);
            } catch (ClassCastException e) {
                throw new EvalError("a value does not have its declared type: " + e.getMessage());
            }
        }
    }

    private final CelAbstractSyntaxTree ast;
    private final Map<String, RecordType> records;
    private final Map<String, Integer> variables = new LinkedHashMap<>();
    /** Comprehension variables in scope, innermost last. */
    private final List<Map.Entry<String, Integer>> locals = new ArrayList<>();
    /** Nodes whose value is known when compiling, with that value. */
    private final Map<Node, Object> constants = new IdentityHashMap<>();
    private int slots;

    private CelClosures(CelAbstractSyntaxTree ast, Map<String, RecordType> records) {
        this.ast = ast;
        this.records = records;
    }

    static Program compile(CelAbstractSyntaxTree ast, Map<String, RecordType> records) throws Unsupported {
        if (!ast.isChecked()) {
            throw new Unsupported("the expression is not type-checked");
        }
        CelClosures compiler = new CelClosures(ast, records);
        Node root = compiler.compile(ast.getExpr());
        return new Program(root, compiler.slots, compiler.variables);
    }

    private Node compile(CelExpr expr) throws Unsupported {
        return switch (expr.getKind()) {
            case CONSTANT -> constant(expr.constant());
            case IDENT -> ident(expr);
            case SELECT -> select(expr);
            case CALL -> call(expr);
            case LIST -> list(expr);
            case COMPREHENSION -> comprehension(expr.comprehension());
            default -> throw new Unsupported(expr.getKind() + " expressions");
        };
    }

    private Node constant(CelConstant constant) throws Unsupported {
        Object value = switch (constant.getKind()) {
            case BOOLEAN_VALUE -> constant.booleanValue();
            case INT64_VALUE -> constant.int64Value();
            case DOUBLE_VALUE -> constant.doubleValue();
            case STRING_VALUE -> constant.stringValue();
            default -> throw new Unsupported(constant.getKind() + " constants");
        };
        return known(value);
    }

    private Node known(Object value) {
        Node node = frame -> value;
        constants.put(node, value);
        return node;
    }

    private Node ident(CelExpr expr) throws Unsupported {
        String name = expr.ident().name();
        for (int i = locals.size() - 1; i >= 0; i--) {
            if (locals.get(i).getKey().equals(name)) {
                return read(locals.get(i).getValue());
            }
        }
        return variable(expr, name);
    }

    private Node variable(CelExpr expr, String name) throws Unsupported {
        Optional<CelReference> reference = ast.getReference(expr.id());
        if (reference.isPresent() && reference.get().value().isPresent()) {
            throw new Unsupported("enum constants");
        }
        String declared = reference.map(CelReference::name).orElse(name);
        Integer slot = variables.get(declared);
        if (slot == null) {
            slot = slots++;
            variables.put(declared, slot);
        }
        return read(slot);
    }

    private static Node read(int slot) {
        return frame -> {
            Object value = frame[slot];
            if (value instanceof EvalError error) {
                throw error;
            }
            return value;
        };
    }

    private Node select(CelExpr expr) throws Unsupported {
        Optional<CelReference> reference = ast.getReference(expr.id());
        if (reference.isPresent()) {
            // A dotted variable name the checker resolved, e.g. a.b declared as one variable.
            return variable(expr, reference.get().name());
        }
        String field = expr.select().field();
        CelExpr operandExpr = expr.select().operand();
        CelType operandType = type(operandExpr);
        Node operand = compile(operandExpr);
        boolean testOnly = expr.select().testOnly();
        if (operandType.kind() == CelKind.STRUCT && records.containsKey(operandType.name())) {
            RecordType record = records.get(operandType.name());
            int slot = record.slot(field);
            if (slot < 0) {
                throw new Unsupported("field " + field + " of " + record.name());
            }
            return frame -> {
                Object value = operand.eval(frame);
                if (value instanceof FactRecord fact && fact.type() == record) {
                    Object fieldValue = fact.value(slot);
                    return testOnly ? fieldValue != null : present(fieldValue, field);
                }
                return selectFromMap(value, field, testOnly);
            };
        }
        if (operandType.kind() == CelKind.MAP && ((MapType) operandType).keyType().kind() == CelKind.STRING) {
            return frame -> selectFromMap(operand.eval(frame), field, testOnly);
        }
        throw new Unsupported("selecting a field of " + operandType.name());
    }

    private static Object present(Object value, String key) {
        if (value == null) {
            throw new EvalError("key '" + key + "' is not present in map.");
        }
        return value;
    }

    private static Object selectFromMap(Object value, String field, boolean testOnly) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new EvalError("no field '" + field + "' in " + value);
        }
        if (testOnly) {
            return map.containsKey(field);
        }
        Object fieldValue = map.get(field);
        return fieldValue == null && !map.containsKey(field) ? present(null, field) : fieldValue;
    }

    private Node list(CelExpr expr) throws Unsupported {
        if (!expr.list().optionalIndices().isEmpty()) {
            throw new Unsupported("optional list elements");
        }
        List<Node> elements = new ArrayList<>();
        boolean allKnown = true;
        for (CelExpr element : expr.list().elements()) {
            Node node = compile(element);
            elements.add(node);
            allKnown &= constants.containsKey(node);
        }
        if (allKnown) {
            return known(List.copyOf(elements.stream().map(constants::get).toList()));
        }
        Node[] items = elements.toArray(Node[]::new);
        return frame -> {
            Object[] values = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                values[i] = items[i].eval(frame);
            }
            return List.of(values);
        };
    }

    private Node comprehension(CelExpr.CelComprehension c) throws Unsupported {
        if (c.iterVar2() != null && !c.iterVar2().isEmpty()) {
            throw new Unsupported("two-variable comprehensions");
        }
        Node range = compile(c.iterRange());
        Node init = compile(c.accuInit());
        int accuSlot = slots++;
        int iterSlot = slots++;
        locals.add(Map.entry(c.accuVar(), accuSlot));
        locals.add(Map.entry(c.iterVar(), iterSlot));
        Node condition = compile(c.loopCondition());
        Node step = compile(c.loopStep());
        locals.removeLast();
        Node result = compile(c.result());
        locals.removeLast();
        return frame -> {
            Object items = range.eval(frame);
            Collection<?> elements = switch (items) {
                case List<?> list -> list;
                case Map<?, ?> map -> map.keySet();
                default -> throw new EvalError("expected a list or a map for iteration range but got '"
                        + items.getClass().getSimpleName() + "'");
            };
            Object accu = nonStrict(init, frame);
            for (Object element : elements) {
                frame[iterSlot] = element;
                frame[accuSlot] = accu;
                if (!(Boolean) condition.eval(frame)) {
                    break;
                }
                accu = nonStrict(step, frame);
            }
            frame[accuSlot] = accu;
            return result.eval(frame);
        };
    }

    private static Object nonStrict(Node node, Object[] frame) {
        try {
            return node.eval(frame);
        } catch (EvalError e) {
            return e;
        }
    }

    private Node call(CelExpr expr) throws Unsupported {
        CelExpr.CelCall call = expr.call();
        List<CelExpr> argExprs = new ArrayList<>();
        call.target().ifPresent(argExprs::add);
        argExprs.addAll(call.args());
        List<Node> args = new ArrayList<>();
        for (CelExpr arg : argExprs) {
            args.add(compile(arg));
        }
        switch (call.function()) {
            case "_&&_" -> {
                return logical(args.get(0), args.get(1), false);
            }
            case "_||_" -> {
                return logical(args.get(0), args.get(1), true);
            }
            case "_?_:_" -> {
                Node test = args.get(0);
                Node then = args.get(1);
                Node otherwise = args.get(2);
                return frame -> (Boolean) test.eval(frame) ? then.eval(frame) : otherwise.eval(frame);
            }
            case "@not_strictly_false" -> {
                Node arg = args.get(0);
                return frame -> {
                    try {
                        return arg.eval(frame);
                    } catch (EvalError e) {
                        return Boolean.TRUE;
                    }
                };
            }
            default -> {
                // An ordinary function: strict in its arguments, one overload resolved by the checker.
            }
        }
        List<String> overloads = ast.getReference(expr.id()).<List<String>>map(CelReference::overloadIds).orElse(List.of());
        if (overloads.size() != 1) {
            throw new Unsupported(call.function() + " with overloads " + overloads + " (an operand is dyn)");
        }
        return overload(overloads.getFirst(), argExprs, args);
    }

    private static Node logical(Node left, Node right, boolean or) {
        Boolean decides = or;
        return frame -> {
            Object l;
            try {
                l = left.eval(frame);
                if (decides.equals(l)) {
                    return decides;
                }
            } catch (EvalError e) {
                l = e;
            }
            Object r = right.eval(frame);
            if (decides.equals(r)) {
                return decides;
            }
            if (l instanceof EvalError e) {
                throw e;
            }
            return !decides;
        };
    }

    private Node overload(String id, List<CelExpr> argExprs, List<Node> args) throws Unsupported {
        Node a = args.get(0);
        Node b = args.size() > 1 ? args.get(1) : null;
        switch (id) {
            case "logical_not" -> {
                return frame -> !(Boolean) a.eval(frame);
            }
            case "equals", "not_equals" -> {
                CelKind kind = primitive(argExprs.get(0));
                if (primitive(argExprs.get(1)) != kind) {
                    throw new Unsupported("equality between " + type(argExprs.get(0)).name() + " and "
                            + type(argExprs.get(1)).name());
                }
                boolean negate = id.equals("not_equals");
                return frame -> equal(kind, a.eval(frame), b.eval(frame)) != negate;
            }
            case "in_list" -> {
                return in(argExprs, a, b);
            }
            case "add_int64" -> {
                return exact(a, b, Math::addExact);
            }
            case "subtract_int64" -> {
                return exact(a, b, Math::subtractExact);
            }
            case "multiply_int64" -> {
                return exact(a, b, Math::multiplyExact);
            }
            case "divide_int64" -> {
                return exact(a, b, (x, y) -> {
                    if (y == 0) {
                        throw new EvalError("/ by zero");
                    }
                    return Math.divideExact(x, y);
                });
            }
            case "modulo_int64" -> {
                return exact(a, b, (x, y) -> {
                    if (y == 0) {
                        throw new EvalError("% by zero");
                    }
                    return x % y;
                });
            }
            case "negate_int64" -> {
                return exact(frame -> 0L, a, Math::subtractExact);
            }
            case "add_double" -> {
                return frame -> doubleOf(a, frame) + doubleOf(b, frame);
            }
            case "subtract_double" -> {
                return frame -> doubleOf(a, frame) - doubleOf(b, frame);
            }
            case "multiply_double" -> {
                return frame -> doubleOf(a, frame) * doubleOf(b, frame);
            }
            case "divide_double" -> {
                return frame -> doubleOf(a, frame) / doubleOf(b, frame);
            }
            case "negate_double" -> {
                return frame -> -doubleOf(a, frame);
            }
            case "add_string" -> {
                return frame -> (String) a.eval(frame) + b.eval(frame);
            }
            case "add_list" -> {
                return frame -> {
                    List<?> x = (List<?>) a.eval(frame);
                    List<?> y = (List<?>) b.eval(frame);
                    List<Object> joined = new ArrayList<>(x.size() + y.size());
                    joined.addAll(x);
                    joined.addAll(y);
                    return joined;
                };
            }
            case "size_list", "list_size" -> {
                return frame -> (long) ((List<?>) a.eval(frame)).size();
            }
            case "size_map", "map_size" -> {
                return frame -> (long) ((Map<?, ?>) a.eval(frame)).size();
            }
            case "size_string", "string_size" -> {
                return frame -> {
                    String s = (String) a.eval(frame);
                    return (long) s.codePointCount(0, s.length());
                };
            }
            case "int64_to_double" -> {
                return frame -> (double) longOf(a, frame);
            }
            case "int64_to_int64", "double_to_double", "string_to_string", "bool_to_bool" -> {
                return a;
            }
            case "index_list" -> {
                return frame -> {
                    List<?> list = (List<?>) a.eval(frame);
                    long index = longOf(b, frame);
                    if (index < 0 || index >= list.size()) {
                        throw new EvalError("Index out of bounds: " + index);
                    }
                    return list.get((int) index);
                };
            }
            default -> {
                return comparison(id, argExprs, a, b);
            }
        }
    }

    private Node comparison(String id, List<CelExpr> argExprs, Node a, Node b) throws Unsupported {
        String operator;
        String operandType;
        if (id.startsWith("less_equals_") || id.startsWith("greater_equals_")) {
            operator = id.substring(0, id.indexOf("_equals_") + "_equals".length());
            operandType = id.substring(operator.length() + 1);
        } else if (id.startsWith("less_") || id.startsWith("greater_")) {
            operator = id.substring(0, id.indexOf('_'));
            operandType = id.substring(operator.length() + 1);
        } else {
            throw new Unsupported("the function " + id);
        }
        CelKind kind = switch (operandType) {
            case "int64" -> CelKind.INT;
            case "double" -> CelKind.DOUBLE;
            case "string" -> CelKind.STRING;
            case "bool" -> CelKind.BOOL;
            default -> throw new Unsupported("comparing " + operandType);
        };
        if (primitive(argExprs.get(0)) != kind || primitive(argExprs.get(1)) != kind) {
            throw new Unsupported("the comparison " + id + " of other operand types");
        }
        if (kind == CelKind.DOUBLE) {
            // Primitive operators, so that any comparison with NaN is false, as in CEL.
            return switch (operator) {
                case "less" -> frame -> doubleOf(a, frame) < doubleOf(b, frame);
                case "less_equals" -> frame -> doubleOf(a, frame) <= doubleOf(b, frame);
                case "greater" -> frame -> doubleOf(a, frame) > doubleOf(b, frame);
                case "greater_equals" -> frame -> doubleOf(a, frame) >= doubleOf(b, frame);
                default -> throw new Unsupported("the function " + id);
            };
        }
        return switch (operator) {
            case "less" -> frame -> compare(kind, a.eval(frame), b.eval(frame)) < 0;
            case "less_equals" -> frame -> compare(kind, a.eval(frame), b.eval(frame)) <= 0;
            case "greater" -> frame -> compare(kind, a.eval(frame), b.eval(frame)) > 0;
            case "greater_equals" -> frame -> compare(kind, a.eval(frame), b.eval(frame)) >= 0;
            default -> throw new Unsupported("the function " + id);
        };
    }

    /** Orders two int, string or bool values. */
    private static int compare(CelKind kind, Object x, Object y) {
        return switch (kind) {
            case INT -> Long.compare((Long) x, (Long) y);
            case STRING -> ((String) x).compareTo((String) y);
            default -> Boolean.compare((Boolean) x, (Boolean) y);
        };
    }

    private Node in(List<CelExpr> argExprs, Node element, Node list) throws Unsupported {
        CelKind kind = primitive(argExprs.get(0));
        CelType listType = type(argExprs.get(1));
        if (!(listType instanceof ListType lt) || kind == CelKind.DOUBLE || lt.elemType().kind() != kind) {
            throw new Unsupported("'in' on " + listType.name());
        }
        if (constants.containsKey(list)) {
            Set<Object> members = new HashSet<>((List<?>) constants.get(list));
            return frame -> members.contains(element.eval(frame));
        }
        return frame -> {
            Object value = element.eval(frame);
            return ((List<?>) list.eval(frame)).contains(value);
        };
    }

    private static boolean equal(CelKind kind, Object x, Object y) {
        return kind == CelKind.DOUBLE ? (Double) x == ((Double) y).doubleValue() : x.equals(y);
    }

    /** The kind of a bool, int, double or string operand; anything else is not compiled. */
    private CelKind primitive(CelExpr expr) throws Unsupported {
        CelKind kind = type(expr).kind();
        return switch (kind) {
            case BOOL, INT, DOUBLE, STRING -> kind;
            default -> throw new Unsupported("an operand of type " + type(expr).name());
        };
    }

    private CelType type(CelExpr expr) {
        return ast.getType(expr.id()).orElse(SimpleType.DYN);
    }

    /** Integer arithmetic fails on overflow, as CEL's does. */
    private static Node exact(Node a, Node b, LongBinaryOperator operation) {
        return frame -> {
            long x = longOf(a, frame);
            long y = longOf(b, frame);
            try {
                return operation.applyAsLong(x, y);
            } catch (ArithmeticException e) {
                throw new EvalError("integer overflow");
            }
        };
    }

    private static long longOf(Node node, Object[] frame) {
        return (Long) node.eval(frame);
    }

    private static double doubleOf(Node node, Object[] frame) {
        return (Double) node.eval(frame);
    }
}
