package vn.giamngheo.auth.clients;

import java.util.List;

/**
 * A client that signs in as itself with the client-credentials grant (a simulator, the benchmark, the demo loader, a
 * test): who it stands for, and the roles, units and department its tokens carry. Its tokens' {@code sub} is its
 * client id; they carry no {@code name}.
 */
public record MachineClient(String clientId, String standsFor, List<String> roles, List<String> units,
        String department) {

    /*
     * Two levels since 2025-07-01: the province's Sở NN&MT (role LABOUR_OFFICER, the name kept so that tokens and
     * provider mappings stay valid) over the communes, each with its officers and its chairman; the departments.
     */
    public static final List<MachineClient> DEMO = List.of(
            new MachineClient("city-admin", "Quản trị hệ thống", List.of("CITY_ADMIN"), List.of("*"), null),
            new MachineClient("so-nnmt", "Sở Nông nghiệp và Môi trường tỉnh Phú Thọ (giảm nghèo)",
                    List.of("LABOUR_OFFICER"), List.of("*"), null),
            new MachineClient("labour-officer", "Sở NN&MT (tên cũ của client: phòng LĐTBXH thành phố)",
                    List.of("LABOUR_OFFICER"), List.of("*"), null),
            new MachineClient("ward-officer-08707", "Cán bộ Phường Vĩnh Yên", List.of("WARD_OFFICER"),
                    List.of("08707"), null),
            new MachineClient("ward-officer-08716", "Cán bộ Phường Vĩnh Phúc", List.of("WARD_OFFICER"),
                    List.of("08716"), null),
            new MachineClient("ward-officer-04828", "Cán bộ Phường Thống Nhất", List.of("WARD_OFFICER"),
                    List.of("04828"), null),
            new MachineClient("commune-officer-04891", "Cán bộ Xã Tiền Phong", List.of("WARD_OFFICER"),
                    List.of("04891"), null),
            new MachineClient("chairman-08707", "Chủ tịch UBND Phường Vĩnh Yên", List.of("COMMUNE_CHAIRMAN"),
                    List.of("08707"), null),
            new MachineClient("chairman-08716", "Chủ tịch UBND Phường Vĩnh Phúc", List.of("COMMUNE_CHAIRMAN"),
                    List.of("08716"), null),
            new MachineClient("chairman-04828", "Chủ tịch UBND Phường Thống Nhất", List.of("COMMUNE_CHAIRMAN"),
                    List.of("04828"), null),
            new MachineClient("chairman-04891", "Chủ tịch UBND Xã Tiền Phong", List.of("COMMUNE_CHAIRMAN"),
                    List.of("04891"), null),
            new MachineClient("education-officer", "Sở Giáo dục và Đào tạo", List.of("DEPARTMENT_OFFICER"),
                    List.of("*"), "EDUCATION"),
            new MachineClient("bank-officer", "Ngân hàng Chính sách xã hội", List.of("DEPARTMENT_OFFICER"),
                    List.of("*"), "SOCIAL_POLICY_BANK"),
            new MachineClient("health-insurance-officer", "Bộ phận thẻ BHYT", List.of("DEPARTMENT_OFFICER"),
                    List.of("*"), "HEALTH_INSURANCE"),
            new MachineClient("bhxh-system", "Hệ thống BHXH", List.of("BHXH_SYSTEM"), List.of(), null),
            new MachineClient("steering-viewer", "Ban chỉ đạo các chương trình MTQG tỉnh", List.of("STEERING_VIEWER"),
                    List.of(), null),
            new MachineClient("platform", "Các dịch vụ của nền tảng", List.of("PLATFORM_SERVICE"), List.of("*"),
                    null));
}
