package vn.giamngheo.contracts;

/**
 * A logical event type with a version, never a Java class name on the wire. Evolution is additive; a breaking
 * change is a new version published side by side for a transition period.
 *
 * @param name    e.g. {@code household.registered}
 * @param version starts at 1
 * @param topic   where events of this type are published
 * @param payload the record the JSON payload maps to
 */
public record EventType<T extends DomainEvent>(String name, int version, String topic, Class<T> payload) {

    public static final String NAMESPACE = "vn.giamngheo";

    /** The CloudEvents {@code type} attribute, e.g. {@code vn.giamngheo.household.registered.v1}. */
    public String ceType() {
        return NAMESPACE + "." + name + ".v" + version;
    }

    /** File name of the golden sample under {@code samples/}. */
    public String sampleFile() {
        return name + ".v" + version + ".json";
    }

    @Override
    public String toString() {
        return ceType();
    }
}
