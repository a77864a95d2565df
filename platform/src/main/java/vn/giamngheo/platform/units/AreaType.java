package vn.giamngheo.platform.units;

/** Which income line applies: "khu vực thành thị" (urban) or "khu vực nông thôn" (rural). */
public enum AreaType {
    URBAN, RURAL
}
