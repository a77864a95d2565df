package vn.giamngheo.household.registry;

public enum HouseholdStatus {
    ACTIVE, REMOVED
}
