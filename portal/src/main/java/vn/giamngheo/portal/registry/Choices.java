package vn.giamngheo.portal.registry;

import java.util.List;

/** The closed sets of household-service's registry API, in the order the forms offer them. */
public final class Choices {

    private Choices() {
    }

    public static final List<String> SEXES = List.of("MALE", "FEMALE");
    public static final List<String> RELATIONS = List.of("HEAD", "SPOUSE", "CHILD", "PARENT", "PARENT_IN_LAW",
            "CHILD_IN_LAW", "GRANDCHILD", "GRANDPARENT", "SIBLING", "OTHER_RELATIVE", "OTHER");
    /** Every relation but head: a person joining or staying with a household under its head. */
    public static final List<String> NOT_HEAD = RELATIONS.subList(1, RELATIONS.size());
    public static final List<String> NOTICE_METHODS = List.of("PAPER", "ORAL", "ELECTRONIC");
    public static final List<String> REMOVAL_REASONS = List.of("DIED", "MOVED_OUT_OF_REGISTRY",
            "REGISTERED_IN_ERROR", "OTHER");
    public static final List<String> MOVE_AWAY_REASONS = List.of("MOVED_AWAY", "DISSOLVED", "REGISTERED_IN_ERROR");
}
