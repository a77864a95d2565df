package vn.giamngheo.household.classification;

/** How household waste is handled (fact model: `household.wasteHandling`, 2027–2030). */
public enum WasteHandling {
    COLLECTED, SAFE_ON_SITE, UNSAFE
}
