package vn.giamngheo.household.classification;

import java.util.List;
import org.springframework.core.io.ClassPathResource;

/** The shipped standard files, loaded once for all tests. */
public final class Standards {

    static final StandardCatalog CATALOG = StandardCatalog.load(List.of(
            new ClassPathResource("standards/vn-mps-2016-2020.yaml"),
            new ClassPathResource("standards/vn-mps-2022-2025.yaml"),
            new ClassPathResource("standards/vn-mps-2027-2030.yaml")));

    static final PovertyStandard MPS_2016 = CATALOG.byCode("VN-MPS-2016-2020").orElseThrow();
    public static final PovertyStandard MPS_2022 = CATALOG.byCode("VN-MPS-2022-2025").orElseThrow();
    static final PovertyStandard MPS_2027 = CATALOG.byCode("VN-MPS-2027-2030").orElseThrow();

    private Standards() {
    }
}
