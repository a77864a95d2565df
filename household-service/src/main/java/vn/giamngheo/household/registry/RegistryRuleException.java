package vn.giamngheo.household.registry;

/** A registry command breaks a rule of the registry (400); nothing was changed. */
public class RegistryRuleException extends RuntimeException {

    private final String field;

    public RegistryRuleException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The command conflicts with what is stored (409), e.g. a person already active elsewhere. */
    public static class Conflict extends RegistryRuleException {
        public Conflict(String field, String reason) {
            super(field, reason);
        }
    }

    /** The household named does not exist (404). */
    public static class NotFound extends RegistryRuleException {
        public NotFound(String what) {
            super("householdId", what + " was not found");
        }
    }
}
