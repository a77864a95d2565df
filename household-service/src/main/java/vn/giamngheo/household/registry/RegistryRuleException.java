package vn.giamngheo.household.registry;

/** A registry command breaks a rule of the registry; nothing was changed. */
public class RegistryRuleException extends RuntimeException {

    private final String field;

    public RegistryRuleException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
