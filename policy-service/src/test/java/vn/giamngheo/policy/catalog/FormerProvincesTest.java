package vn.giamngheo.policy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ByteArrayResource;
import vn.giamngheo.platform.units.UnitCatalog;

/**
 * {@code household.formerProvince} from the dated units: the shipped Vĩnh Yên units, and the shapes the Phú Thọ
 * province data may take (old communes under districts; the old Phú Thọ province as its own version or continuing as
 * one; a commune unchanged but re-parented; an old commune split between two new ones).
 */
class FormerProvincesTest {

    private static final FormerProvinces VINH_YEN = PolicyFixtures.FORMER_PROVINCES;

    @ParameterizedTest(name = "unit {0} on {1}: former province ''{2}''")
    @CsvSource(textBlock = """
            08707, 2022-06-01, 26
            08710, 2022-06-01, 26
            08725, 2023-04-09, 26
            08725, 2023-04-10, 26
            08707, 2025-06-30, 26
            08707, 2025-07-01, 26
            08716, 2025-07-01, 26
            08716, 2026-11-24, 26
            08710, 2026-11-24, 26
            08731, 2026-11-24, 26
            99999, 2026-11-24, ''
            """)
    void everyVinhYenUnitWasInVinhPhucBeforeAndAfterTheMerger(String unit, String date, String province) {
        assertThat(VINH_YEN.of(unit, LocalDate.parse(date))).isEqualTo(province);
    }

    /**
     * Old Phú Thọ (25) with its district 227; Vĩnh Phúc (26) with district 243; Hòa Bình (17) with district 148. From
     * 2025-07-01: commune 90001 of Phú Thọ formed from 90011 and 90012 (old Phú Thọ); 90002 from 90021 (Vĩnh Phúc);
     * 90003 and 90004 share old Hòa Bình commune 90031, which was split; 90005 is old commune 90005 re-parented.
     */
    private static String province(boolean oldPhuThoIsItsOwnVersion) {
        String phuTho = oldPhuThoIsItsOwnVersion ? """
                { "code": "25", "name": "Tỉnh Phú Thọ", "type": "TINH", "parentCode": null, "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": ["25"] },
                { "code": "25", "name": "Tỉnh Phú Thọ", "type": "TINH", "parentCode": null, "validFrom": "2025-07-01", "validTo": null, "successors": [] },
                """ : """
                { "code": "25", "name": "Tỉnh Phú Thọ", "type": "TINH", "parentCode": null, "validFrom": "2021-01-01", "validTo": null, "successors": [] },
                """;
        return """
                { "source": "test", "note": "invented codes below 90000 are not real units", "units": [
                """ + phuTho + """
                { "code": "26", "name": "Tỉnh Vĩnh Phúc", "type": "TINH", "parentCode": null, "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": ["25"] },
                { "code": "17", "name": "Tỉnh Hòa Bình", "type": "TINH", "parentCode": null, "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": ["25"] },
                { "code": "227", "name": "Thành phố Việt Trì", "type": "THANH_PHO_TRUC_THUOC_TINH", "parentCode": "25", "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": [] },
                { "code": "243", "name": "Thành phố Vĩnh Yên", "type": "THANH_PHO_TRUC_THUOC_TINH", "parentCode": "26", "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": [] },
                { "code": "148", "name": "Thành phố Hòa Bình", "type": "THANH_PHO_TRUC_THUOC_TINH", "parentCode": "17", "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": [] },
                { "code": "90011", "name": "Phường A", "type": "PHUONG", "parentCode": "227", "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": ["90001"] },
                { "code": "90012", "name": "Xã B", "type": "XA", "parentCode": "227", "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": ["90001"] },
                { "code": "90021", "name": "Phường C", "type": "PHUONG", "parentCode": "243", "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": ["90002"] },
                { "code": "90031", "name": "Xã D", "type": "XA", "parentCode": "148", "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": ["90003", "90004"] },
                { "code": "90005", "name": "Xã E", "type": "XA", "parentCode": "227", "validFrom": "2021-01-01", "validTo": "2025-06-30", "successors": ["90005"] },
                { "code": "90001", "name": "Phường A mới", "type": "PHUONG", "parentCode": "25", "validFrom": "2025-07-01", "validTo": null, "successors": [] },
                { "code": "90002", "name": "Phường C mới", "type": "PHUONG", "parentCode": "25", "validFrom": "2025-07-01", "validTo": null, "successors": [] },
                { "code": "90003", "name": "Xã D1", "type": "XA", "parentCode": "25", "validFrom": "2025-07-01", "validTo": null, "successors": [] },
                { "code": "90004", "name": "Xã D2", "type": "XA", "parentCode": "25", "validFrom": "2025-07-01", "validTo": null, "successors": [] },
                { "code": "90005", "name": "Xã E", "type": "XA", "parentCode": "25", "validFrom": "2025-07-01", "validTo": null, "successors": [] }
                ] }
                """;
    }

    static FormerProvinces of(boolean oldPhuThoIsItsOwnVersion) {
        return new FormerProvinces(UnitCatalog.load(List.of(new ByteArrayResource(
                province(oldPhuThoIsItsOwnVersion).getBytes(StandardCharsets.UTF_8), "province.json"))));
    }

    @ParameterizedTest(name = "old Phú Thọ its own version {0}: unit {1} on {2} → ''{3}''")
    @CsvSource(textBlock = """
            true,  90011, 2024-01-01, 25
            true,  90001, 2025-07-01, 25
            true,  90011, 2025-07-01, 25
            true,  90002, 2025-07-01, 26
            true,  90021, 2026-01-01, 26
            true,  90003, 2025-07-01, 17
            true,  90004, 2026-01-01, 17
            true,  90031, 2026-01-01, 17
            true,  90005, 2025-06-30, 25
            true,  90005, 2025-07-01, 25
            false, 90001, 2025-07-01, 25
            false, 90002, 2025-07-01, 26
            false, 90003, 2025-07-01, 17
            false, 90005, 2025-07-01, 25
            """)
    void theProvinceDataAnswersTheSameWhicheverWayTheOldPhuThoIsRecorded(boolean ownVersion, String unit,
            String date, String province) {
        assertThat(of(ownVersion).of(unit, LocalDate.parse(date))).isEqualTo(province);
    }
}
