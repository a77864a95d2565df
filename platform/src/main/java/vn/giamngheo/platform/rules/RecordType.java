package vn.giamngheo.platform.rules;

import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A declared record type of a fact model (a household, a member), given to CEL when rule files are compiled: the
 * checker then knows every field and its type, so a misspelt field or a wrong comparison is refused when the file is
 * loaded, and every operator's overload is resolved then rather than at each evaluation. Its values are
 * {@link FactRecord}s.
 */
public final class RecordType {

    private final String name;
    private final List<String> fieldNames;
    private final List<CelType> fieldTypes;
    private final CelKind[] kinds;
    private final boolean[] optional;
    private final Map<String, Integer> slots;
    private final List<RecordType> nested;
    private final StructType celType;

    private RecordType(String name, List<String> fieldNames, List<CelType> fieldTypes, boolean[] optional,
            List<RecordType> nested) {
        this.name = name;
        this.fieldNames = List.copyOf(fieldNames);
        this.fieldTypes = List.copyOf(fieldTypes);
        this.kinds = fieldTypes.stream().map(CelType::kind).toArray(CelKind[]::new);
        this.optional = optional;
        this.nested = List.copyOf(nested);
        Map<String, Integer> bySlot = new HashMap<>();
        for (int i = 0; i < fieldNames.size(); i++) {
            bySlot.put(fieldNames.get(i), i);
        }
        this.slots = bySlot;
        this.celType = StructType.create(name, ImmutableSet.copyOf(fieldNames),
                field -> Optional.ofNullable(slots.get(field)).map(this.fieldTypes::get));
    }

    /** @param name a qualified name, e.g. {@code giamngheo.household.Household}; it appears in CEL's messages */
    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The type to declare a variable of this record type with. */
    public StructType celType() {
        return celType;
    }

    public List<String> fieldNames() {
        return fieldNames;
    }

    /** Starts a value of this type; fields are set by name. */
    public FactRecord.Builder builder() {
        return new FactRecord.Builder(this);
    }

    /** This type and every record type its fields use, each once. */
    List<RecordType> withNested() {
        Map<String, RecordType> all = new LinkedHashMap<>();
        collect(all);
        return List.copyOf(all.values());
    }

    private void collect(Map<String, RecordType> all) {
        if (all.putIfAbsent(name, this) == null) {
            nested.forEach(n -> n.collect(all));
        }
    }

    /** The slot of a field, or -1. */
    int slot(String field) {
        Integer slot = slots.get(field);
        return slot == null ? -1 : slot;
    }

    int size() {
        return fieldNames.size();
    }

    String fieldName(int slot) {
        return fieldNames.get(slot);
    }

    CelType fieldType(int slot) {
        return fieldTypes.get(slot);
    }

    /** Whether a value may be stored in a field: the scalar kinds are checked here, without a call per value. */
    boolean conforms(int slot, Object value) {
        return switch (kinds[slot]) {
            case BOOL -> value instanceof Boolean;
            case INT -> value instanceof Long;
            case DOUBLE -> value instanceof Double;
            case STRING -> value instanceof String;
            default -> FactRecord.conforms(value, fieldTypes.get(slot));
        };
    }

    boolean optional(int slot) {
        return optional[slot];
    }

    @Override
    public String toString() {
        return name;
    }

    /** Declares the fields in the order a value lists them. */
    public static final class Builder {

        private final String name;
        private final List<String> names = new ArrayList<>();
        private final List<CelType> types = new ArrayList<>();
        private final List<Boolean> optional = new ArrayList<>();
        private final List<RecordType> nested = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** A field every value has: bool, int, double, string, a list or map of them. */
        public Builder field(String field, CelType type) {
            return add(field, type, false);
        }

        /** A field a value may lack; a rule that reads it when it is absent fails with "no such key". */
        public Builder optionalField(String field, CelType type) {
            return add(field, type, true);
        }

        /** A field holding a record of another declared type. */
        public Builder field(String field, RecordType type) {
            nested.add(type);
            return add(field, type.celType(), false);
        }

        /** A field holding a list of records of another declared type. */
        public Builder listField(String field, RecordType elementType) {
            nested.add(elementType);
            return add(field, ListType.create(elementType.celType()), false);
        }

        private Builder add(String field, CelType type, boolean isOptional) {
            if (names.contains(field)) {
                throw new IllegalArgumentException(name + "." + field + " is declared twice");
            }
            names.add(field);
            types.add(type);
            optional.add(isOptional);
            return this;
        }

        public RecordType build() {
            boolean[] flags = new boolean[optional.size()];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = optional.get(i);
            }
            return new RecordType(name, names, types, flags, nested);
        }
    }

    /** The declared record types of a rule file's variables, for CEL's checker. */
    static Map<String, RecordType> byName(List<RecordType> records) {
        Map<String, RecordType> all = new LinkedHashMap<>();
        for (RecordType record : records) {
            for (RecordType type : record.withNested()) {
                RecordType previous = all.putIfAbsent(type.name(), type);
                if (previous != null && previous != type) {
                    throw new IllegalArgumentException("two record types are named " + type.name());
                }
            }
        }
        return Collections.unmodifiableMap(all);
    }
}
