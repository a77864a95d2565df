package vn.giamngheo.platform.rules;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A value of a {@link RecordType}: its fields by slot, checked against the declared types when built. It is also a
 * read-only map of its present fields in declared order, which is what CEL's interpreter selects fields from.
 */
public final class FactRecord extends AbstractMap<String, Object> {

    private final RecordType type;
    private final Object[] values;

    private FactRecord(RecordType type, Object[] values) {
        this.type = type;
        this.values = values;
    }

    public RecordType type() {
        return type;
    }

    /** The field at a slot of the type, null when an optional field is absent. */
    Object value(int slot) {
        return values[slot];
    }

    @Override
    public Object get(Object key) {
        int slot = key instanceof String field ? type.slot(field) : -1;
        return slot < 0 ? null : values[slot];
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int slot = from;
                        while (slot < values.length && values[slot] == null) {
                            slot++;
                        }
                        return slot;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> entry = new SimpleImmutableEntry<>(type.fieldName(next), values[next]);
                        next = advance(next + 1);
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                int size = 0;
                for (Object value : values) {
                    size += value == null ? 0 : 1;
                }
                return size;
            }
        };
    }

    /** Sets fields by name; {@link #build()} checks that every field that is not optional has a value. */
    public static final class Builder {

        private final RecordType type;
        private Object[] values;

        Builder(RecordType type) {
            this.type = type;
            this.values = new Object[type.size()];
        }

        /**
         * @param value a Boolean, Long, Double, String, List, Map or FactRecord as the field is declared (an Integer
         *              is taken as a Long); null leaves an optional field absent
         */
        public Builder set(String field, Object value) {
            int slot = type.slot(field);
            if (slot < 0) {
                throw new IllegalArgumentException(type.name() + " has no field " + field);
            }
            Object adapted = value instanceof Integer i ? Long.valueOf(i) : value;
            if (adapted != null && !type.conforms(slot, adapted)) {
                throw new IllegalArgumentException(type.name() + "." + field + " is declared "
                        + type.fieldType(slot).name() + ", not " + adapted.getClass().getSimpleName());
            }
            values[slot] = adapted;
            return this;
        }

        /** Once: the builder hands its values over to the record. */
        public FactRecord build() {
            if (values == null) {
                throw new IllegalStateException("this " + type.name() + " was already built");
            }
            for (int slot = 0; slot < values.length; slot++) {
                if (values[slot] == null && !type.optional(slot)) {
                    throw new IllegalArgumentException(type.name() + "." + type.fieldName(slot) + " is not set");
                }
            }
            FactRecord record = new FactRecord(type, values);
            values = null;
            return record;
        }
    }

    static boolean conforms(Object value, CelType declared) {
        return switch (declared.kind()) {
            case DYN, ANY -> true;
            case BOOL -> value instanceof Boolean;
            case INT -> value instanceof Long;
            case DOUBLE -> value instanceof Double;
            case STRING -> value instanceof String;
            case STRUCT -> value instanceof FactRecord record && record.type().name().equals(declared.name());
            case LIST -> value instanceof List<?> items && allConform(items, ((ListType) declared).elemType());
            case MAP -> value instanceof Map<?, ?> entries
                    && allConform(entries.keySet(), ((MapType) declared).keyType())
                    && allConform(entries.values(), ((MapType) declared).valueType());
            default -> false;
        };
    }

    private static boolean allConform(Iterable<?> items, CelType declared) {
        for (Object item : items) {
            if (item == null || !conforms(item, declared)) {
                return false;
            }
        }
        return true;
    }
}
