package vn.giamngheo.household.classification;

/** Kind of latrine the household uses (fact model: `household.latrine`). */
public enum Latrine {
    SEPTIC, SEMI_SEPTIC, POUR_FLUSH, DOUBLE_VAULT, VENTILATED_PIT, UNHYGIENIC, NONE
}
