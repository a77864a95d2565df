package vn.giamngheo.platform.units;

import java.util.Optional;

/**
 * Kinds of administrative unit and their level. Commune-level kinds carry the area type (domain README decision 2:
 * phường, thị trấn and đặc khu are urban, xã rural); higher levels have none. The district level exists only until
 * 2025-06-30 (Resolution 60-NQ/TW: two-level local government from 2025-07-01).
 */
public enum UnitType {
    TINH(Level.PROVINCE, null),
    THANH_PHO_TRUC_THUOC_TINH(Level.DISTRICT, null),
    HUYEN(Level.DISTRICT, null),
    THI_XA(Level.DISTRICT, null),
    PHUONG(Level.COMMUNE, AreaType.URBAN),
    THI_TRAN(Level.COMMUNE, AreaType.URBAN),
    DAC_KHU(Level.COMMUNE, AreaType.URBAN),
    XA(Level.COMMUNE, AreaType.RURAL);

    /** Province (tỉnh), district (huyện, thị xã, thành phố thuộc tỉnh) or commune level (xã, phường, ...). */
    public enum Level { PROVINCE, DISTRICT, COMMUNE }

    private final Level level;
    private final AreaType areaType;

    UnitType(Level level, AreaType areaType) {
        this.level = level;
        this.areaType = areaType;
    }

    public Optional<AreaType> areaType() {
        return Optional.ofNullable(areaType);
    }

    public Level level() {
        return level;
    }

    /** Households belong to commune-level units only. */
    public boolean isCommuneLevel() {
        return level == Level.COMMUNE;
    }
}
