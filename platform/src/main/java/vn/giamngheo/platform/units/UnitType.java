package vn.giamngheo.platform.units;

import java.util.Optional;

/**
 * Kinds of administrative unit. Commune-level kinds carry the area type (domain README decision 2: phường, thị trấn
 * and đặc khu are urban, xã rural); higher levels have none.
 */
public enum UnitType {
    TINH(null),
    THANH_PHO_TRUC_THUOC_TINH(null),
    HUYEN(null),
    THI_XA(null),
    PHUONG(AreaType.URBAN),
    THI_TRAN(AreaType.URBAN),
    DAC_KHU(AreaType.URBAN),
    XA(AreaType.RURAL);

    private final AreaType areaType;

    UnitType(AreaType areaType) {
        this.areaType = areaType;
    }

    public Optional<AreaType> areaType() {
        return Optional.ofNullable(areaType);
    }

    /** Households belong to commune-level units only. */
    public boolean isCommuneLevel() {
        return areaType != null;
    }
}
