package vn.giamngheo.household.documents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The documents made from editable templates, each with the placeholders its template may use (name → what it holds,
 * in Vietnamese, for the administrator who edits it).
 */
public enum DocumentKind {

    MINUTES("minutes", "Biên bản họp dân (Mẫu số 02)", Map.of(
            "meetingDate", "Ngày họp, dd/MM/yyyy",
            "participants", "Số người tham dự cuộc họp",
            "villages", "Các thôn, tổ dân phố có hộ được bình xét",
            "agreedCount", "Số hộ được từ 50% người tham dự trở lên nhất trí",
            "notAgreedCount", "Số hộ không đủ 50% nhất trí (rà soát lại)",
            "households[].agreeing", "Số người nhất trí với kết quả của hộ",
            "households[].percent", "Tỷ lệ nhất trí, ví dụ 75%",
            "households[].result", "Kết quả bình xét: Nhất trí / Không nhất trí, rà soát lại")),
    POSTING_LIST("posting-list", "Danh sách niêm yết công khai", Map.of(
            "postingStart", "Ngày bắt đầu niêm yết, dd/MM/yyyy",
            "postingEnd", "Ngày kết thúc niêm yết (tính theo ngày làm việc), dd/MM/yyyy",
            "workingDays", "Số ngày làm việc niêm yết",
            "households[].change", "Thay đổi so với phân loại đang có hiệu lực")),
    DECISION("decision", "Quyết định công nhận và các phụ lục danh sách", Map.of(
            "decisionNumber", "Số, ký hiệu quyết định, ví dụ 125/QĐ-UBND",
            "decisionDate", "Ngày ký quyết định, dd/MM/yyyy",
            "effectiveDate", "Ngày quyết định có hiệu lực, dd/MM/yyyy",
            "signerTitle", "Chức danh người ký, ví dụ CHỦ TỊCH",
            "counts.poor / counts.nearPoor / counts.escapedPoverty / counts.escapedNearPoverty / counts.middle",
            "Số hộ của từng danh sách",
            "annexes", "Các phụ lục: roman (số La Mã), title, count, members, households",
            "annexes[].households[].classBefore", "Phân loại trước quyết định")),
    CERTIFICATE("certificate", "Giấy chứng nhận hộ nghèo, hộ cận nghèo", Map.of(
            "certificates", "Mỗi giấy một trang: number, headName, headBirthYear, village, classTitle, memberCount, "
                    + "members, validFrom, validTo, validYear",
            "certificates[].members", "Thành viên: index, fullName, birthDate, relation",
            "decisionNumber", "Số quyết định công nhận",
            "decisionDate", "Ngày quyết định, dd/MM/yyyy",
            "signerTitle", "Chức danh người ký"));

    /** What every template may use: the heading of the document and the round it comes from. */
    static final Map<String, String> COMMON = common();

    /** Placeholders a template must use: the national heading and the issuing body (Decree 30/2020/NĐ-CP). */
    static final java.util.List<String> REQUIRED = java.util.List.of("nationalTitle", "motto", "issuer");

    private final String code;
    private final String title;
    private final Map<String, String> own;

    DocumentKind(String code, String title, Map<String, String> own) {
        this.code = code;
        this.title = title;
        this.own = new java.util.TreeMap<>(own);
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Every placeholder of this kind's template, the common ones first. */
    public Map<String, String> placeholders() {
        Map<String, String> all = new LinkedHashMap<>(COMMON);
        all.putAll(own);
        return all;
    }

    public static Optional<DocumentKind> of(String code) {
        for (DocumentKind kind : values()) {
            if (kind.code.equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> common() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nationalTitle", "Quốc hiệu: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM (bắt buộc)");
        m.put("motto", "Tiêu ngữ: Độc lập - Tự do - Hạnh phúc (bắt buộc)");
        m.put("issuer", "Cơ quan ban hành: ỦY BAN NHÂN DÂN + tên phường/xã vào ngày của văn bản (bắt buộc)");
        m.put("unitName", "Tên phường/xã vào ngày của văn bản, ví dụ Phường Vĩnh Yên");
        m.put("unitKind", "Loại đơn vị viết thường: phường, xã, thị trấn, đặc khu");
        m.put("unitCode", "Mã đơn vị hành chính");
        m.put("place", "Địa danh của dòng ngày tháng, ví dụ Vĩnh Yên");
        m.put("date", "Ngày của văn bản, dd/MM/yyyy");
        m.put("dateLine", "Địa danh và ngày tháng: Vĩnh Yên, ngày 13 tháng 10 năm 2025");
        m.put("reviewName", "Tên đợt rà soát, ví dụ rà soát hộ nghèo, hộ cận nghèo định kỳ năm 2025");
        m.put("year", "Năm của đợt rà soát");
        m.put("standardName", "Chuẩn nghèo áp dụng");
        m.put("standardBasis", "Căn cứ pháp lý của chuẩn nghèo áp dụng");
        m.put("total", "Tổng số hộ trong danh sách");
        m.put("households", "Danh sách hộ, mỗi hộ: index, householdId, headName, village, memberCount, className, "
                + "classBefore, change, income, deprivedCount, deprivations");
        return m;
    }
}
