package vn.giamngheo.household.classification;

import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.platform.rules.Condition;

/** One ordered rule of a standard: the class a household gets when {@code when} holds, and why, in Vietnamese. */
public record ClassRule(HouseholdClass householdClass, Condition when, String explanation) {
}
