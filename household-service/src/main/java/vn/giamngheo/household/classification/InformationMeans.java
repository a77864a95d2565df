package vn.giamngheo.household.classification;

/** Means of access to information the household owns (fact model: `household.informationMeans`). */
public enum InformationMeans {
    TELEVISION, RADIO, COMPUTER, SMARTPHONE, TABLET, TELEPHONE
}
