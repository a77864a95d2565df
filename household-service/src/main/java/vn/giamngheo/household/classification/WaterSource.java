package vn.giamngheo.household.classification;

/** Main source of domestic water (fact model: `household.waterSource`). */
public enum WaterSource {
    PIPED, BOREHOLE, PROTECTED_DUG_WELL, PROTECTED_SPRING, RAINWATER, BOTTLED, UNPROTECTED_WELL, UNPROTECTED_SPRING, SURFACE_WATER, OTHER
}
