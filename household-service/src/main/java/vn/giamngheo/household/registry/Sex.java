package vn.giamngheo.household.registry;

public enum Sex {
    MALE, FEMALE
}
