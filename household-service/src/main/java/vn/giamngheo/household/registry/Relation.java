package vn.giamngheo.household.registry;

/** Relation to the head of household (quan hệ với chủ hộ). */
public enum Relation {
    HEAD, SPOUSE, CHILD, PARENT, PARENT_IN_LAW, CHILD_IN_LAW, GRANDCHILD, GRANDPARENT, SIBLING, OTHER_RELATIVE, OTHER;

    /** The Vietnamese label, as the import template lists it ("Chủ hộ", "Vợ/chồng", …). */
    public String label() {
        return HouseholdSpreadsheet.RELATIONS.get(this);
    }
}
