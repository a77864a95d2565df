package vn.giamngheo.contracts.household;

/** Classes of the multidimensional poverty standard (hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình, above). */
public enum HouseholdClass {
    POOR, NEAR_POOR, MIDDLE, ABOVE
}
