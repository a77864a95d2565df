package vn.giamngheo.household.registry;

public enum MemberStatus {
    ACTIVE, LEFT
}
